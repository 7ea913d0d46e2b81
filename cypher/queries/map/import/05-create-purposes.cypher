UNWIND $rows AS row
CREATE (p:Purpose:MapElement)
SET p = row, p.map = $map
