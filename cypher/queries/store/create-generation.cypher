// A new generation of a map, being written beside the current one; nobody reads it until it is published.
CREATE (g:Generation {key: $key, map: $name, state: 'writing', createdAt: datetime(), writeSeq: 0})
RETURN g.key AS key
