// Current generations whose stored findings were evaluated with another rule pack (or never).
MATCH (m:DataMap)
WHERE m.storage IS NOT NULL
MATCH (g:Generation {key: m.storage})
WHERE g.rulesDigest IS NULL OR g.rulesDigest <> $rulesDigest
RETURN m.name AS name
ORDER BY name
