MATCH (m:__TadoruMigration)
RETURN m.version AS version, m.checksum AS checksum, toString(m.installedAt) AS installedAt
ORDER BY version
