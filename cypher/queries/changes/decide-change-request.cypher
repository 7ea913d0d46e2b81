// Approves or rejects a pending request, once: a request already decided is returned unchanged
// (with `decided` false) so that two reviewers can never both decide it.
MATCH (c:ChangeRequest {id: $id})
WITH c, c.state = 'PENDING' AS open
FOREACH (_ IN CASE WHEN open THEN [1] ELSE [] END |
  SET c.state = $state, c.reviewerName = $reviewerName, c.reviewerRole = $reviewerRole, c.comment = $comment,
      c.decidedAt = datetime(), c.appliedVersion = $appliedVersion, c.diffJson = coalesce($diffJson, c.diffJson))
RETURN open AS decided, c {.*, createdAt: toString(c.createdAt), decidedAt: toString(c.decidedAt)} AS request
