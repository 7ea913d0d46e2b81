// id: APPI-20-2
// severity: critical
// target: collection
// title: Special care-required information collected without consent
// citation: APPI Art. 20(2) [17(2)]
// condition: the collection gathers a SPECIAL_CARE category and consent is not true
// explanation.en: Sensitive (special care-required) information needs the person's prior consent to collect.
// explanation.ja: 要配慮個人情報は、あらかじめ本人の同意を得ないで取得してはならない。
// message.en: Collection {target} in system {system} of {operator} gathers special care-required information ({categories}) by {method} collection without the people's prior consent.
// message.ja: {operator} のシステム {system} の収集 {target} は、本人の事前の同意を得ずに要配慮個人情報（{categories}）を取得している（取得方法: {method}）。
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
WHERE coalesce(c.consent, false) <> true
  // Collections carry no validity dates, so the result is the same whatever the as-of date.
  AND ($asOf IS NULL OR $asOf IS NOT NULL)
MATCH (c)-[:COLLECTS]->(k:DataCategory)
WHERE k.class = 'SPECIAL_CARE'
WITH c, collect(k.id) AS special
MATCH (s:System {map: $map, id: c.system})
RETURN c.id AS target, null AS affectedPeople, c.system AS pathFrom, c.system AS pathTo,
  [x IN c.dataCategories WHERE x IN special] AS categories, [s.operator] AS organizations, null AS reason,
  c.system AS system, s.operator AS operator, c.method AS method
ORDER BY c.seq
