// Claims a map name for a bulk import. A new map is written in place under its own name, marked
// `importing` (hidden and refused to readers until it completes); an existing one is written to a
// staging name first and swapped in at the end. Refused while another import holds the name.
OPTIONAL MATCH (existing:DataMap {name: $map})
WITH existing
CALL (existing) {
  WITH existing WHERE existing IS NULL
  CREATE (:DataMap {name: $map, importing: true, createdAt: datetime(), importedAt: datetime()})
}
CALL (existing) {
  WITH existing WHERE existing IS NOT NULL AND existing.importing IS NULL AND existing.swapFrom IS NULL AND existing.deleting IS NULL
  CREATE (:DataMap {name: $staging, staging: true, target: $map, createdAt: datetime(), importedAt: datetime()})
}
RETURN CASE
  WHEN existing IS NULL THEN 'new'
  WHEN existing.importing IS NULL AND existing.swapFrom IS NULL AND existing.deleting IS NULL THEN 'replace'
  ELSE 'busy'
END AS mode, existing.checksum AS previousChecksum
