// Ends the validity of flows in place: the flow and the lineage steps it made (FEEDS carry the
// interval of their flow, see fragments/in-force) get the same validTo.
UNWIND $rows AS row
MATCH (f:Flow {map: $map, id: row.id})
SET f.validTo = row.on
WITH f, row
CALL (f, row) {
  MATCH (:DataAsset {map: $map, system: f.from})-[r:FEEDS]->()
  WHERE r.kind = 'FLOW' AND r.via = f.id
  SET r.validTo = row.on
}
RETURN count(*) AS retired
