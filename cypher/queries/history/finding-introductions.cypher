// For each finding (rule, severity and target, written exactly as history records write them), the
// newest write up to a version whose introduced findings contain it: when the finding present at that
// version appeared. Records hold their findings as JSON text, so the match is on the text of one
// finding's identifying fields; the newest records are tried first and the first match ends the search.
UNWIND $findings AS finding
CALL (finding) {
  MATCH (r:ChangeRecord {mapName: $map})
  WHERE r.version <= $upTo AND r.introducedJson CONTAINS finding.needle
  RETURN r
  ORDER BY r.version DESC
  LIMIT 1
}
RETURN finding.key AS key, r {.version, .kind, .actorName, .actorRole, at: toString(r.at)} AS record
