// Change requests, newest first, optionally of one map and in one state; paged by creation time and id.
MATCH (c:ChangeRequest)
WHERE ($map IS NULL OR c.mapName = $map)
  AND ($state IS NULL OR c.state = $state)
  AND ($afterAt IS NULL OR c.createdAt < datetime($afterAt) OR (c.createdAt = datetime($afterAt) AND c.id < $afterId))
RETURN c {.*, createdAt: toString(c.createdAt), decidedAt: toString(c.decidedAt)} AS request
ORDER BY c.createdAt DESC, c.id DESC
LIMIT $limit
