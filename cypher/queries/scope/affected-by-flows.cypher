// What newly added flows can change beyond their downstream lineage: every rule that looks past its
// own target looks only at the organizations involved (what the sender or recipient holds, receives,
// passes on or derives). So: all flows sent or received by the new flows' senders and recipients,
// the derivations they run and the collections of their systems; and, to walk downstream from, the
// assets the new flows deliver.
MATCH (f:Flow {map: $map})
WHERE f.id IN $flows
WITH collect(f) AS added
WITH added, [f IN added | f.sender] + [f IN added | f.recipient] AS organizations
CALL (organizations) {
  UNWIND organizations AS organization
  MATCH (g:Flow {map: $map, sender: organization})
  RETURN g.id AS id
  UNION
  UNWIND organizations AS organization
  MATCH (g:Flow {map: $map, recipient: organization})
  RETURN g.id AS id
  UNION
  UNWIND organizations AS organization
  MATCH (d:Derivation {map: $map, organization: organization})
  RETURN d.id AS id
  UNION
  UNWIND organizations AS organization
  MATCH (:System {map: $map, operator: organization})-[:HAS_COLLECTION]->(c:Collection)
  RETURN c.id AS id
}
WITH added, collect(DISTINCT id) AS targets
RETURN targets, [f IN added | f.id] AS found, [f IN added | {system: f.to, categories: f.dataCategories}] AS delivered
