UNWIND $rows AS row
CREATE (s:Subject:MapElement)
SET s = row, s.map = $map
