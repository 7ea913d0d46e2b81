// A proposal submitted for review: the change set, the version it was checked against and the diff
// it showed then. Its state moves once, from PENDING to APPROVED or REJECTED (decide-change-request).
CREATE (c:ChangeRequest {
  id: $id, mapName: $map, state: 'PENDING', baseVersion: $baseVersion, description: $description,
  authorName: $authorName, authorRole: $authorRole, createdAt: datetime(),
  changeJson: $changeJson, diffJson: $diffJson
})
RETURN c {.*, createdAt: toString(c.createdAt)} AS request
