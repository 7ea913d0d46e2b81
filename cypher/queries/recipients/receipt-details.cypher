// Everything the rows of an answer show about the flows a walk crossed, in one statement: each
// flow's own fields, and the organizations, systems, purposes and notices the rows name (a flow's
// recipient and receiving system, its purposes and its notice).
MATCH (f:Flow {map: $map})
WHERE f.id IN $flowIds
WITH collect(f) AS flows
RETURN
  [f IN flows | properties(f)] AS flows,
  COLLECT { UNWIND flows AS f WITH DISTINCT f.recipient AS id MATCH (o:Organization {map: $map, id: id}) RETURN properties(o) } AS organizations,
  COLLECT { UNWIND flows AS f WITH DISTINCT f.to AS id MATCH (x:System {map: $map, id: id}) RETURN properties(x) } AS systems,
  COLLECT { UNWIND flows AS f UNWIND coalesce(f.purposes, []) AS id WITH DISTINCT id MATCH (p:Purpose {map: $map, id: id}) RETURN properties(p) } AS purposes,
  COLLECT { UNWIND flows AS f WITH DISTINCT f.notice AS id WHERE id IS NOT NULL MATCH (n:Notice {map: $map, id: id}) RETURN properties(n) } AS notices
