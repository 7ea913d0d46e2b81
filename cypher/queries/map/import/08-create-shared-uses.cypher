// A joint-use (共同利用) declaration of a notice: its users, items, purposes and manager.
// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET s = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 08-link-shared-uses links them.
UNWIND $rows AS row
CREATE (s:SharedUse:MapElement)
SET s = row, s.map = $map
