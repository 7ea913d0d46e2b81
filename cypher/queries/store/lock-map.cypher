// A map's write lock: writing to its node locks the node until the writer's transaction ends, so
// writers of one map run one at a time and a dead writer never leaves a stale lock behind. The node
// of a map's first import is created here, inside that transaction: it is gone again if the import
// fails. Readers take no locks and are never blocked.
MERGE (m:DataMap {name: $map})
ON CREATE SET m.createdAt = datetime(), m.version = 0
SET m.lockedAt = datetime()
RETURN m {.name, .version, .storage, .scratch,
          generation: COLLECT { MATCH (g:Generation {key: m.storage}) RETURN g {.checksum, .countsJson, .rulesDigest, .seqsJson} }[0]} AS map
