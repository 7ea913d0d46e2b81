// What flows being added to a stored version refer to, read in the writer's transaction: the ids
// that exist already, the systems at both ends (operator, where they run), the assets the flows
// touch.
RETURN
  [id IN $flowIds WHERE EXISTS { MATCH (:Flow {map: $map, id: id}) }] AS existingFlows,
  [s IN COLLECT { UNWIND $systemIds AS id MATCH (s:System {map: $map, id: id}) RETURN s } | {id: s.id, operator: s.operator, location: s.location}] AS systems,
  COLLECT { UNWIND $categoryIds AS id MATCH (c:DataCategory {map: $map, id: id}) RETURN c.id } AS categories,
  COLLECT { UNWIND $purposeIds AS id MATCH (p:Purpose {map: $map, id: id}) RETURN p.id } AS purposes,
  COLLECT { UNWIND $noticeIds AS id MATCH (n:Notice {map: $map, id: id}) RETURN n.id } AS notices,
  [a IN COLLECT { UNWIND $assetIds AS id MATCH (a:DataAsset {map: $map, id: id}) RETURN a } | {id: a.id, system: a.system, category: a.category, held: a.held, seq: a.seq}] AS assets
