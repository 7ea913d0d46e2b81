// Marks a migration as applied, with the checksum of the file that was run.
MERGE (m:__TadoruMigration {version: $version})
SET m.description = $description, m.checksum = $checksum, m.installedAt = datetime()
