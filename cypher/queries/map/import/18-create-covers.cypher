// (:Provision)-[:COVERS]->(:Flow) for the flows of this batch: the one place that says when a provision
// "covers" a flow (data-map.md): the flow's recipient is listed in `recipients` or has one of
// `recipientRoles`, every category of the flow is in `dataCategories` and every purpose of the flow is in
// `purposes`. Rules and queries follow the edges instead of repeating the predicate.
// Only the provisions a rule or query can ask about get an edge, whatever the flow's basis: those of the
// flow's own notice (APPI-27-1 (b), APPI-28-1, APPI-31-1, whose notice need not be the sender's) and those
// of every notice of the flow's sender, to which a concerned people entry may have consented (APPI-27-1 (c),
// APPI-35, the person trace).
// Notices with their provisions, and organizations, are written before flows (SECTIONS order), so a batch
// finds all it needs, and a flow added later to a stored map gets its edges by the same statement. Each
// flow's edges are derived afresh (18-clear-covers, run just before, removes the old ones), so running
// both again for a flow whose fields, notice, sender's notices or recipient's roles changed leaves
// exactly the edges that hold. The removal is a statement of its own: a DELETE in the statement that
// expands the flows' edges would need an Eager.
UNWIND $rows AS row
MATCH (f:Flow {map: $map, id: row.id})
OPTIONAL MATCH (recipient:Organization {map: $map, id: f.recipient})
CALL (f) {
  MATCH (f)-[:UNDER_NOTICE]->(n:Notice)
  RETURN n
  UNION
  MATCH (n:Notice {map: $map, organization: f.sender})
  RETURN n
}
MATCH (n)-[:HAS_PROVISION]->(pr:Provision)
WHERE (f.recipient IN coalesce(pr.recipients, []) OR any(role IN coalesce(pr.recipientRoles, []) WHERE role IN coalesce(recipient.roles, [])))
  AND all(x IN f.dataCategories WHERE x IN coalesce(pr.dataCategories, []))
  AND all(x IN coalesce(f.purposes, []) WHERE x IN coalesce(pr.purposes, []))
CREATE (pr)-[:COVERS]->(f)
