MATCH (m:DataMap {name: $map})
DETACH DELETE m
RETURN count(*) AS deleted
