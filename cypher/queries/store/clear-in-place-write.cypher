// After the in-place write has committed (or rolled back): readers stop waiting for it.
MATCH (g:Generation {key: $key})
WHERE g.pendingToken = $token
REMOVE g.pendingSince, g.pendingToken
RETURN count(g) AS cleared
