// Every generation a map has, whatever its state (a scratch map is removed with all of them).
MATCH (g:Generation {map: $name})
RETURN g.key AS key, g.state AS state
