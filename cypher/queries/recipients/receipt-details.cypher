// What the rows of an answer show about the flows a walk crossed: each flow's own fields, and the
// names of the organizations and systems at its receiving end. One statement for all of them.
RETURN
  COLLECT { UNWIND $flowIds AS id MATCH (f:Flow {map: $map, id: id}) RETURN properties(f) } AS flows,
  COLLECT { UNWIND $organizationIds AS id MATCH (o:Organization {map: $map, id: id}) RETURN o {.id, .name, .country} } AS organizations,
  COLLECT { UNWIND $systemIds AS id MATCH (s:System {map: $map, id: id}) RETURN s {.id, .name, .operator} } AS systems
