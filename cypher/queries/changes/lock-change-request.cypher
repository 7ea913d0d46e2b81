// Takes a request's write lock for the reviewer's transaction (a second reviewer waits, then sees it decided).
MATCH (c:ChangeRequest {id: $id})
SET c.lockedAt = datetime()
RETURN c {.*, createdAt: toString(c.createdAt), decidedAt: toString(c.decidedAt)} AS request
