// Scratch maps of checks that were killed before they could remove them (an hour is far longer
// than any check runs).
MATCH (m:DataMap)
WHERE m.name STARTS WITH '_scratch-' AND coalesce(m.lockedAt, m.createdAt) < datetime() - duration({seconds: $olderThanSeconds})
RETURN m.name AS name
