// The stored findings of a map version that match a filter (a null filter field does not filter).
// With a target id, found by index seek; else every finding of the version.
CALL () {
  UNWIND CASE WHEN $targetId IS NULL THEN [true] ELSE [] END AS everyOne
  MATCH (f:Finding {map: $map})
  RETURN f
  UNION
  UNWIND CASE WHEN $targetId IS NULL THEN [] ELSE [$targetId] END AS target
  MATCH (f:Finding {map: $map, targetId: target})
  RETURN f
}
WITH f
WHERE ($rules IS NULL OR f.rule IN $rules)
  AND ($severities IS NULL OR f.severity IN $severities)
  AND ($targetKind IS NULL OR f.targetKind = $targetKind)
  AND ($organization IS NULL OR $organization IN f.organizations)
RETURN properties(f) AS finding
