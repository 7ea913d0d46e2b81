// The nodes only: a statement that also MATCHes would need an Eager before `SET o = row` (the planner
// cannot tell which properties the map sets, so a later row's MATCH might see them); the links follow
// in 02-link-organizations.
UNWIND $rows AS row
CREATE (o:Organization:MapElement)
SET o = row, o.map = $map
