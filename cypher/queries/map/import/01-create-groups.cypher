UNWIND $rows AS row
CREATE (g:Group:MapElement)
SET g = row, g.map = $map
