// "Category C at system S": the state lineage walks over.
// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET a = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 15-link-data-assets links them.
UNWIND $rows AS row
CREATE (a:DataAsset:MapElement)
SET a = row, a.map = $map
