// Committed before an in-place write commits: readers that pin the generation from here wait until
// the mark is cleared, and readers that pinned it before see the sequence move and read again.
MATCH (g:Generation {key: $key})
SET g.writeSeq = coalesce(g.writeSeq, 0) + 1, g.pendingSince = datetime(), g.pendingToken = $token
RETURN g.writeSeq AS writeSeq
