// One people entry: its subject, the systems it uses, and how many people it stands for.
MATCH (p:People {map: $map, id: $people})
RETURN p {.id, .subject, .headcount, .since, uses: coalesce(p.uses, [])} AS person
