// id: APPI-29
// severity: medium
// target: flow
// title: Provision records not kept
// citation: APPI Art. 29 [25]; PPC Rules 19-21
// condition: a cross-organization flow with basis CONSENT or OPT_OUT carries a personal category and recordsKept is not true
// explanation.en: Each provision of personal data to a third party must be recorded and the record kept.
// explanation.ja: 個人データを第三者に提供したときは、記録を作成し保存しなければならない。
// message.en: Flow {target} provides personal data ({categories}) from {sender} to {recipient} on basis {basis}, but no provision records are kept.
// message.ja: フロー {target} は {basis} により個人データ（{categories}）を {sender} から {recipient} に提供しているが、提供記録が作成・保存されていない。
// The targets: found by id when given (index seeks), else every one of the map.
CALL () {
  UNWIND CASE WHEN $targets IS NULL THEN [true] ELSE [] END AS everyOne
  MATCH (f:Flow {map: $map})
  RETURN f
  UNION
  UNWIND $targets AS target
  MATCH (f:Flow {map: $map, id: target})
  RETURN f
}
WITH f
WHERE f.crossOrganization
  AND {{in-force f $asOf}}
  AND f.basis IN ['CONSENT', 'OPT_OUT']
  AND coalesce(f.recordsKept, false) <> true
MATCH (f)-[:CARRIES]->(c:DataCategory)
WHERE c.class IN ['PERSONAL', 'SPECIAL_CARE']
// In the flow's order, as the other rules list categories: a collect() follows the order in which the store
// happens to keep relationships, which another edge of the flow (COVERS, written in the same transaction) can change.
WITH f, collect(c.id) AS ids
WITH f, [x IN f.dataCategories WHERE x IN ids] AS personal
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo, personal AS categories,
  [f.sender, f.recipient] AS organizations, null AS reason, f.sender AS sender, f.recipient AS recipient, f.basis AS basis
ORDER BY f.seq
