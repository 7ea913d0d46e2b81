// Map nodes written before map versions (no version yet), with the state an old bulk import left.
MATCH (m:DataMap)
WHERE m.version IS NULL
RETURN m.name AS name, coalesce(m.importing, false) OR coalesce(m.staging, false) AS unfinished,
       m.swapFrom AS swapFrom, m.swapPhase AS swapPhase, coalesce(m.deleting, false) AS deleting
