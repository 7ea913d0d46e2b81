// id: APPI-21-1
// severity: high
// target: flow, derivation, collection
// title: Purpose of use not notified or published
// citation: APPI Art. 21(1) [18(1)], with 17(1) [15(1)]
// condition: the element uses a purpose that no notice of the responsible organization states (responsible: the operator for a collection or derivation, the recipient for a flow), and the map has at least one notice of that organization (an organization whose notices the map does not describe is not judged)
// explanation.en: Personal data may be used only for purposes the organization has specified and notified or published.
// explanation.ja: 個人情報の利用目的は特定し、本人に通知又は公表しなければならない。
// message.en: {organization} uses data ({categories}) for purposes that its notices ({notices}) do not state: {purposes}.
// message.ja: {organization} はデータ（{categories}）を、自らの通知（{notices}）に記載されていない利用目的（{purposes}）に利用している。
// message.en.flow: Flow {target} gives {recipient} data ({categories}) from {sender} for purposes that {recipient}'s notices ({notices}) do not state: {purposes}.
// message.ja.flow: フロー {target} により {recipient} は {sender} からデータ（{categories}）を受け取っているが、その利用目的（{purposes}）は {recipient} の通知（{notices}）に記載されていない。
// message.en.derivation: Derivation {target} in system {system} uses {categories} for purposes that {organization}'s notices ({notices}) do not state: {purposes}.
// message.ja.derivation: {organization} のシステム {system} の派生処理 {target} は {categories} を、{organization} の通知（{notices}）に記載されていない利用目的（{purposes}）に利用している。
// message.en.collection: Collection {target} in system {system} gathers {categories} for purposes that the notices of its operator, {organization} ({notices}), do not state: {purposes}.
// message.ja.collection: {organization} のシステム {system} の収集 {target} は {categories} を、{organization} の通知（{notices}）に記載されていない利用目的（{purposes}）のために取得している。
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
// For a flow, the recipient answers for the purposes it receives the data for (flows within one organization included).
// Ambiguity: with $asOf, a notice published after that day states nothing yet, but still shows that the map describes
// the organization's notices, so the organization is judged (its purposes were not published that day).
// Ambiguity: the catalogue puts no class condition on this rule, so elements carrying no personal category are judged too.
WHERE {{in-force f $asOf}}
  AND size(coalesce(f.purposes, [])) > 0
  AND EXISTS { MATCH (:Notice {map: $map, organization: f.recipient}) }
// "States": some notice of the organization lists the purpose; as of a date, only notices published by then.
WITH f, [p IN f.purposes WHERE NOT EXISTS {
    MATCH (n:Notice {map: $map, organization: f.recipient})
    WHERE p IN coalesce(n.purposes, []) AND {{happened-by n.publishedAt $asOf}}
  }] AS unstated
WHERE size(unstated) > 0
RETURN f.id AS target, 'flow' AS targetKind, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo,
  f.dataCategories AS categories, [f.sender, f.recipient] AS organizations, 'flow' AS reason,
  f.recipient AS organization, unstated AS purposes, f.sender AS sender, f.recipient AS recipient, f.to AS system,
  COLLECT { MATCH (n:Notice {map: $map, organization: f.recipient}) WHERE {{happened-by n.publishedAt $asOf}} RETURN n.id ORDER BY n.seq } AS notices
UNION ALL
// The targets: found by id when given (index seeks), else every one of the map.
CALL () {
  UNWIND CASE WHEN $targets IS NULL THEN [true] ELSE [] END AS everyOne
  MATCH (d:Derivation {map: $map})
  RETURN d
  UNION
  UNWIND $targets AS target
  MATCH (d:Derivation {map: $map, id: target})
  RETURN d
}
WITH d
// For a derivation, the operator of its system.
WHERE {{in-force d $asOf}}
  AND size(coalesce(d.purposes, [])) > 0
  AND EXISTS { MATCH (:Notice {map: $map, organization: d.organization}) }
WITH d, [p IN d.purposes WHERE NOT EXISTS {
    MATCH (n:Notice {map: $map, organization: d.organization})
    WHERE p IN coalesce(n.purposes, []) AND {{happened-by n.publishedAt $asOf}}
  }] AS unstated
WHERE size(unstated) > 0
RETURN d.id AS target, 'derivation' AS targetKind, null AS affectedPeople, d.system AS pathFrom, d.system AS pathTo,
  d.inputs AS categories, [d.organization] AS organizations, 'derivation' AS reason,
  d.organization AS organization, unstated AS purposes, null AS sender, null AS recipient, d.system AS system,
  COLLECT { MATCH (n:Notice {map: $map, organization: d.organization}) WHERE {{happened-by n.publishedAt $asOf}} RETURN n.id ORDER BY n.seq } AS notices
UNION ALL
// The targets: found by id when given (index seeks), else every one of the map.
CALL () {
  UNWIND CASE WHEN $targets IS NULL THEN [true] ELSE [] END AS everyOne
  MATCH (c:Collection {map: $map})
  RETURN c
  UNION
  UNWIND $targets AS target
  MATCH (c:Collection {map: $map, id: target})
  RETURN c
}
WITH c
// For a collection, the operator of the collecting system (collections have no validity dates).
WHERE size(coalesce(c.purposes, [])) > 0
MATCH (s:System {map: $map, id: c.system})
WHERE EXISTS { MATCH (:Notice {map: $map, organization: s.operator}) }
WITH c, s, [p IN c.purposes WHERE NOT EXISTS {
    MATCH (n:Notice {map: $map, organization: s.operator})
    WHERE p IN coalesce(n.purposes, []) AND {{happened-by n.publishedAt $asOf}}
  }] AS unstated
WHERE size(unstated) > 0
RETURN c.id AS target, 'collection' AS targetKind, null AS affectedPeople, c.system AS pathFrom, c.system AS pathTo,
  c.dataCategories AS categories, [s.operator] AS organizations, 'collection' AS reason,
  s.operator AS organization, unstated AS purposes, null AS sender, null AS recipient, c.system AS system,
  COLLECT { MATCH (n:Notice {map: $map, organization: s.operator}) WHERE {{happened-by n.publishedAt $asOf}} RETURN n.id ORDER BY n.seq } AS notices
