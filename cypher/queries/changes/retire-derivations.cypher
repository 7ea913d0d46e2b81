// Ends the validity of derivations in place, with the lineage steps they made (as retire-flows).
UNWIND $rows AS row
MATCH (d:Derivation {map: $map, id: row.id})
SET d.validTo = row.on
WITH d, row
CALL (d, row) {
  MATCH (:DataAsset {map: $map, system: d.system})-[r:FEEDS]->()
  WHERE r.kind = 'DERIVATION' AND r.via = d.id
  SET r.validTo = row.on
}
RETURN count(*) AS retired
