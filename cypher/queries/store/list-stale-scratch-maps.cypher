// Scratch maps of checks that were killed before they could remove them (an hour is far longer
// than any check runs), and past versions rebuilt for reading an hour ago (rebuilt again when asked).
MATCH (m:DataMap)
WHERE (m.name STARTS WITH '_scratch-' OR m.name STARTS WITH '_version-') AND coalesce(m.lockedAt, m.createdAt) < datetime() - duration({seconds: $olderThanSeconds})
RETURN m.name AS name
