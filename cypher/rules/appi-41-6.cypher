// id: APPI-41-6
// severity: high
// target: flow
// title: Pseudonymized information provided to a third party
// citation: APPI Art. 41(6) [new in 2020]
// condition: a cross-organization flow carries a PSEUDONYMIZED category and its basis is not ENTRUSTMENT, SHARED_USE, SUCCESSION or LAW
// explanation.en: Pseudonymized information may not be provided to third parties.
// explanation.ja: 仮名加工情報である個人データは、第三者に提供してはならない。
// message.en: Flow {target} provides pseudonymized information ({categories}) from {sender} to another company, {recipient}, on basis {basis}; pseudonymized information may go to another company only under entrustment, shared use, succession or a legal requirement.
// message.ja: フロー {target} は仮名加工情報（{categories}）を {sender} から別法人 {recipient} に根拠 {basis} で提供しているが、仮名加工情報は委託・共同利用・事業承継・法令に基づく場合を除き第三者に提供できない。
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
  AND NOT f.basis IN ['ENTRUSTMENT', 'SHARED_USE', 'SUCCESSION', 'LAW']
MATCH (f)-[:CARRIES]->(c:DataCategory)
WHERE c.class = 'PSEUDONYMIZED'
WITH f, collect(c.id) AS pseudonymized
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo,
  [x IN f.dataCategories WHERE x IN pseudonymized] AS categories, [f.sender, f.recipient] AS organizations, null AS reason,
  f.sender AS sender, f.recipient AS recipient, f.basis AS basis
ORDER BY f.seq
