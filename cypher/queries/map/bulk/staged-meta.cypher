MATCH (s:DataMap {name: $staging})
RETURN s.sources AS sources, s.checksum AS checksum, s.countsJson AS countsJson
