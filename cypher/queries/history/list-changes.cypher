// History records of one map, newest first, filtered by time window, actor and element; paged by
// version (the cursor is the last version seen).
MATCH (r:ChangeRecord {mapName: $map})
WHERE ($before IS NULL OR r.version < $before)
  AND ($since IS NULL OR r.at >= datetime($since))
  AND ($until IS NULL OR r.at <= datetime($until))
  AND ($actor IS NULL OR r.actorName = $actor)
  AND ($element IS NULL OR EXISTS {
        MATCH (c:HistoryChunk {mapName: $map, version: r.version}) WHERE c.recordId = r.id AND $element IN c.elementIds })
RETURN r {.id, .version, .kind, .actorName, .actorRole, .description, .baseVersion, .changeJson, .elementCountsJson,
          .introducedJson, .resolvedJson, at: toString(r.at)} AS record
ORDER BY r.version DESC
LIMIT $limit
