// The history record of one write, in the transaction that publishes the version it made: the
// record exists exactly when the version does. Never updated or deleted afterwards.
CREATE (r:ChangeRecord {
  id: $id, mapName: $map, version: $version, at: datetime(), kind: $kind,
  actorName: $actorName, actorRole: $actorRole, description: $description,
  baseVersion: $baseVersion, changeJson: $changeJson, elementCountsJson: $elementCountsJson,
  introducedJson: $introducedJson, resolvedJson: $resolvedJson, chunks: $chunks
})
RETURN toString(r.at) AS at
