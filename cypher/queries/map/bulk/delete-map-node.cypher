MATCH (m:DataMap {name: $map})
DELETE m
