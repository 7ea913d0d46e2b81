// Findings evaluated on one generation of a map, stored with it (path steps and evidence as JSON:
// they are read back whole, never queried into).
UNWIND $rows AS row
CREATE (f:Finding {map: $map, id: row.id})
SET f.rule = row.rule, f.severity = row.severity, f.targetKind = row.targetKind, f.targetId = row.targetId,
    f.affectedPeople = row.affectedPeople, f.path = row.path, f.pathSteps = row.pathSteps,
    f.message = row.message, f.messageJa = row.messageJa, f.organizations = row.organizations,
    f.reason = row.reason, f.evidence = row.evidence
RETURN count(f) AS written
