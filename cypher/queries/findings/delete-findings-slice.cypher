// One bounded slice of a generation's stored findings; repeated until none is left.
MATCH (f:Finding {map: $map})
WITH f LIMIT $limit
DELETE f
RETURN count(*) AS deleted
