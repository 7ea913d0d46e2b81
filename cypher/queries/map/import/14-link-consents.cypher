// The links of the nodes 14-create-consents wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (c:Consent {map: $map, id: row.id})
MATCH (p:People {map: $map, id: row.people})
MATCH (n:Notice {map: $map, id: row.notice})
CREATE (p)-[:GAVE]->(c)-[:TO_NOTICE]->(n)
