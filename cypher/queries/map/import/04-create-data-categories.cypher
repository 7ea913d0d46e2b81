// The nodes only: a statement that also MATCHes would need an Eager before `SET c = row` (the planner
// cannot tell which properties the map sets, so a later row's MATCH might see them); the links follow
// in 04-link-data-categories.
UNWIND $rows AS row
CREATE (c:DataCategory:MapElement)
SET c = row, c.map = $map
