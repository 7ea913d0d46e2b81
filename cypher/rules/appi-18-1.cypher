// id: APPI-18-1
// severity: high
// target: derivation
// title: Personal data used beyond the purposes it was collected for
// citation: APPI Art. 18(1) [16(1)]
// condition: the derivation's organization collected one of its inputs itself (one of its systems has a collection of it), and one of the derivation's purposes is in none of that organization's collections of that input
// explanation.en: Using personal data beyond the purposes it was collected for needs the person's prior consent.
// explanation.ja: あらかじめ本人の同意を得ないで、利用目的の達成に必要な範囲を超えて個人情報を取り扱ってはならない。
// message.en: Derivation {target} in system {system} uses data that {organization} collected itself for purposes it was not collected for ({purposes}), without the people's prior consent: {details}.
// message.ja: {organization} のシステム {system} の派生処理 {target} は、{organization} が自ら取得したデータを、本人の事前の同意なく取得時の利用目的外（{purposes}）に利用している：{detailsJa}。
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
WHERE {{in-force d $asOf}}
  AND size(coalesce(d.purposes, [])) > 0
MATCH (d)-[:INPUT]->(i:DataCategory)
// Ambiguity: as the catalogue says, every input class is judged (no PERSONAL-only filter); a collection with no purposes
// covers none, so any purpose of a derivation of its data is beyond it.
// The organization's own collections of this input, in any of its systems (collections have no validity dates).
MATCH (i)<-[:COLLECTS]-(c:Collection)<-[:HAS_COLLECTION]-(:System {operator: d.organization})
WITH d, i, c ORDER BY c.seq
WITH d, i, collect(c.id) AS collections, reduce(acc = [], l IN collect(coalesce(c.purposes, [])) | acc + [p IN l WHERE NOT p IN acc]) AS collectedFor
WITH d, i, collections, collectedFor, [p IN d.purposes WHERE NOT p IN collectedFor] AS beyond
WHERE size(beyond) > 0
WITH d, i, collections, collectedFor, beyond, [k IN range(0, size(d.inputs) - 1) WHERE d.inputs[k] = i.id][0] AS position
ORDER BY position
WITH d, collect(i.id) AS inputs, collect({collections: collections, collectedFor: collectedFor, beyond: beyond, input: i.id}) AS uses
WITH d, inputs, uses,
  reduce(acc = [], u IN uses | acc + [x IN u.collections WHERE NOT x IN acc]) AS collections,
  reduce(acc = [], u IN uses | acc + [x IN u.collectedFor WHERE NOT x IN acc]) AS collectedFor,
  reduce(acc = [], u IN uses | acc + u.beyond) AS beyondAll
RETURN d.id AS target, null AS affectedPeople, d.system AS pathFrom, d.system AS pathTo,
  inputs AS categories, [d.organization] AS organizations, null AS reason,
  d.organization AS organization, d.system AS system,
  [p IN d.purposes WHERE p IN beyondAll] AS purposes, collectedFor, collections,
  // One clause per input: what it was collected for and what it is used for beyond that.
  reduce(s = '', u IN uses | s + CASE WHEN s = '' THEN '' ELSE '; ' END + u.input + ' was collected (' +
    reduce(t = '', x IN u.collections | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x) + ') for ' +
    CASE WHEN size(u.collectedFor) = 0 THEN 'no stated purpose' ELSE reduce(t = '', x IN u.collectedFor | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x) END +
    ' but is used for ' + reduce(t = '', x IN u.beyond | t + CASE WHEN t = '' THEN '' ELSE ', ' END + x)) AS details,
  reduce(s = '', u IN uses | s + CASE WHEN s = '' THEN '' ELSE '、' END + u.input + '（取得時の目的: ' +
    CASE WHEN size(u.collectedFor) = 0 THEN 'なし' ELSE reduce(t = '', x IN u.collectedFor | t + CASE WHEN t = '' THEN '' ELSE '・' END + x) END +
    '、目的外の利用: ' + reduce(t = '', x IN u.beyond | t + CASE WHEN t = '' THEN '' ELSE '・' END + x) + '）') AS detailsJa
ORDER BY d.seq
