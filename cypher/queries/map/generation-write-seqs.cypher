// Readers re-check the generations they pinned at the end of an answer: a changed sequence, or a
// write marked as landing, means an in-place write may have landed while they read.
UNWIND $storages AS storage
MATCH (g:Generation {key: storage})
RETURN storage, coalesce(g.writeSeq, 0) AS writeSeq, CASE WHEN g.pendingSince IS NULL THEN null ELSE duration.inSeconds(g.pendingSince, datetime()).milliseconds END AS pendingForMs
