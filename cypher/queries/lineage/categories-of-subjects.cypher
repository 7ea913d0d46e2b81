// The data categories about the given subjects, in map order.
UNWIND $subjects AS subject
MATCH (c:DataCategory {map: $map, subject: subject})
RETURN c.id AS id
ORDER BY c.seq
