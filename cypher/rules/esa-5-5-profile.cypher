// id: ESA-5-5-PROFILE
// severity: critical
// target: flow
// title: Job seekers' profiling results given to employers
// citation: Employment Security Act Art. 5-5 [5-4] and the MHLW guideline on handling job seekers' personal information; Tokyo Labour Bureau guidance of 6 Sep 2019
// condition: a cross-organization flow carries a profiling category about a jobSeeker subject from a sender with role JOB_INFORMATION_PROVIDER or JOB_PLACEMENT_AGENCY to a recipient with role EMPLOYER; it fires whatever the basis, because consent does not cure it
// explanation.en: A job site or agency must not turn job seekers' behaviour into predictions about them and hand them to employers.
// explanation.ja: 求職者の行動履歴等から推計した内定辞退率等の評価を求人企業に提供することは、職業安定法及び指針の趣旨に反する。
// message.en: Flow {target} hands evaluations or predictions ({categories}) about job seekers ({subjects}) from {sender}, a {senderKind}, to the employer {recipient}. The Employment Security Act does not allow this on any basis (here {basis}), not even with the job seekers' consent.
// message.ja: フロー {target} は求職者（{subjects}）に関する評価・予測（{categories}）を{senderKindJa}である {sender} から求人者 {recipient} に提供している。根拠は {basis} だが、本人の同意があっても職業安定法上認められない。
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
MATCH (sender:Organization {map: $map, id: f.sender})
WHERE any(role IN coalesce(sender.roles, []) WHERE role IN ['JOB_INFORMATION_PROVIDER', 'JOB_PLACEMENT_AGENCY'])
MATCH (recipient:Organization {map: $map, id: f.recipient})
WHERE 'EMPLOYER' IN coalesce(recipient.roles, [])
// Any class: a profiling category counts even when the sender calls it personally referable or not personal.
MATCH (f)-[:CARRIES]->(c:DataCategory)-[:ABOUT]->(s:Subject)
WHERE c.profiling = true AND s.jobSeeker = true
// Subjects in the map's order of their categories, not in whatever order the store keeps the flow's relationships.
WITH f, sender, c, s ORDER BY c.seq
WITH f, collect(c.id) AS ids, collect(DISTINCT s.id) AS subjects,
  [role IN sender.roles WHERE role IN ['JOB_INFORMATION_PROVIDER', 'JOB_PLACEMENT_AGENCY']] AS roles
WITH f, [x IN f.dataCategories WHERE x IN ids] AS profiles, subjects, roles
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo, profiles AS categories,
  [f.sender, f.recipient] AS organizations, null AS reason, f.sender AS sender, f.recipient AS recipient, f.basis AS basis,
  subjects, roles AS senderRoles,
  reduce(s = '', role IN roles | s + CASE WHEN s = '' THEN '' ELSE ' and ' END +
    CASE role WHEN 'JOB_INFORMATION_PROVIDER' THEN 'job information provider' ELSE 'placement agency' END) AS senderKind,
  reduce(s = '', role IN roles | s + CASE WHEN s = '' THEN '' ELSE '・' END +
    CASE role WHEN 'JOB_INFORMATION_PROVIDER' THEN '募集情報等提供事業者' ELSE '職業紹介事業者' END) AS senderKindJa
ORDER BY f.seq
