// Bulk imports, swaps and removals whose process stopped (no heartbeat for a while).
MATCH (m:DataMap)
WHERE (m.importing OR m.staging OR m.swapFrom IS NOT NULL OR m.deleting)
  AND m.importedAt < datetime() - duration({seconds: $silentSeconds})
RETURN m.name AS name, coalesce(m.importing, false) AS importing, coalesce(m.staging, false) AS staging,
       m.swapFrom AS swapFrom, m.swapPhase AS swapPhase, coalesce(m.deleting, false) AS deleting
