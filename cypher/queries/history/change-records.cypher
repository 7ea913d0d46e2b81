// History records of one map in a version window (inclusive), oldest first.
MATCH (r:ChangeRecord {mapName: $map})
WHERE r.version >= $from AND r.version <= $to
RETURN r {.id, .version, .kind, .actorName, .actorRole, .description, .baseVersion, .changeJson, .elementCountsJson,
          .introducedJson, .resolvedJson, at: toString(r.at)} AS record
ORDER BY r.version
