// What the staged map will be described as: kept on its node so an interrupted swap can finish.
MATCH (s:DataMap {name: $staging})
SET s.sources = $sources, s.checksum = $checksum, s.countsJson = $countsJson, s.importedAt = datetime()
