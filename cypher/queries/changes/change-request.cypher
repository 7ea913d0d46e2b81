// One change request by id.
MATCH (c:ChangeRequest {id: $id})
RETURN c {.*, createdAt: toString(c.createdAt), decidedAt: toString(c.decidedAt)} AS request
