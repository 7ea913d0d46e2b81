// Run by a writer holding the map's lock: a generation still "writing" that is not its own was left
// by a writer that is gone (its lock was released when its transaction ended), so it is abandoned.
MATCH (g:Generation {map: $name, state: 'writing'})
WHERE g.key <> $except
SET g.state = 'abandoned'
RETURN collect(g.key) AS keys
