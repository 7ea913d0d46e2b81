// Used by the test suites only: marks a generation's stored findings as evaluated with another rule
// pack, as after an upgrade of tadoru.
MATCH (g:Generation {key: $storage})
SET g.rulesDigest = 'an-older-rule-pack'
RETURN g.key AS key
