// Generations nobody can be reading any more: superseded longer ago than any reader's answer takes,
// or abandoned by a writer that is gone.
// Of one map, or of all (`$name` null).
MATCH (g:Generation)
WHERE ($name IS NULL OR g.map = $name)
  AND (g.state = 'abandoned' OR (g.state = 'superseded' AND g.supersededAt <= datetime() - duration({seconds: $graceSeconds})))
RETURN g.key AS key, g.map AS map
ORDER BY g.createdAt
LIMIT $limit
