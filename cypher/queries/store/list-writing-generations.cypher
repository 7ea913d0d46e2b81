// Generations still being written for longer than a while: either a long import, or one whose
// writer is gone. The sweeper tells them apart by trying the map's lock.
MATCH (g:Generation {state: 'writing'})
WHERE g.createdAt <= datetime() - duration({seconds: $olderThanSeconds})
RETURN DISTINCT g.map AS map
