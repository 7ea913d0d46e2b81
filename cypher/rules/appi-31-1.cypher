// id: APPI-31-1
// severity: critical
// target: flow
// title: Personally referable data to a recipient that can identify, without confirmed consent
// citation: APPI Art. 31(1) [new in the 2020 amendment, the direct response to Rikunabi]
// condition: a cross-organization flow carries a PERSONALLY_REFERABLE category and no personal category, the recipient can identify, and the basis is not a CONSENT whose notice has a provision covering the flow. The recipient can identify when recipientCanIdentify is true; when it is absent, when the flow carries a linkKey category that the recipient holds other than through this flow and the recipient holds a PERSONAL category of that category's subject; when it is false, never
// explanation.en: Cookies or browsing data may not go to a company that will link them to named people unless it is confirmed that those people consented.
// explanation.ja: 提供先が個人データとして取得することが想定される個人関連情報を提供する場合は、本人の同意が得られていることを確認しなければならない。
// message.en: Flow {target} gives personally referable data ({categories}) from {sender} to {recipient}, which can identify the people, on basis {basis} without consent to a notice covering the provision.
// message.ja: フロー {target} は個人関連情報（{categories}）を {sender} から本人を識別できる {recipient} に提供しているが、根拠は {basis} であり、この提供を含む通知への本人の同意が確認されていない。
// message.en.declared: Flow {target} gives personally referable data ({categories}) from {sender} to {recipient}, which the map declares can identify the people (recipientCanIdentify), on basis {basis} without consent to a notice covering the provision.
// message.ja.declared: フロー {target} は個人関連情報（{categories}）を {sender} から {recipient} に根拠 {basis} で提供している。{recipient} は本人を識別できるとされている（recipientCanIdentify）が、この提供を含む通知への本人の同意が確認されていない。
// message.en.inferred: Flow {target} gives personally referable data ({categories}) from {sender} to {recipient} on basis {basis} without consent to a notice covering the provision, and {recipient} can identify the people: it already holds the identifier {linkKeys} other than through this flow, and personal data ({identifying}) of the same people ({subjects}).
// message.ja.inferred: フロー {target} は個人関連情報（{categories}）を {sender} から {recipient} に根拠 {basis} で提供しているが、この提供を含む通知への本人の同意が確認されていない。{recipient} はこのフロー以外でも識別子 {linkKeys} を保有し、同じ本人（{subjects}）の個人データ（{identifying}）も保有しているため、本人を識別できる。
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
  AND coalesce(f.recipientCanIdentify, true) = true
  AND NOT EXISTS { MATCH (f)-[:CARRIES]->(p:DataCategory) WHERE p.class IN ['PERSONAL', 'SPECIAL_CARE'] }
MATCH (f)-[:CARRIES]->(c:DataCategory {class: 'PERSONALLY_REFERABLE'})
WITH f, collect(c.id) AS ids
WITH f, [x IN f.dataCategories WHERE x IN ids] AS referable
// Exempt: a CONSENT flow whose notice has a covering provision (a COVERS edge, written at import). Ambiguity: the notice
// need not be the sender's, since under Art. 31 the consent is usually obtained by the recipient (its own notice).
WHERE NOT (f.basis = 'CONSENT' AND EXISTS { (f)-[:UNDER_NOTICE]->(:Notice)-[:HAS_PROVISION]->(:Provision)-[:COVERS]->(f) })
// Inference (only when recipientCanIdentify is absent): a carried linkKey category the recipient holds other than
// through this flow, and a PERSONAL category of its subject the recipient holds. "Holds": one of the recipient's
// systems collects it, receives it in another flow, or outputs it from a derivation (flows and derivations valid
// as of $asOf). Ambiguity: only class PERSONAL identifies, as the catalogue says (SPECIAL_CARE alone does not count).
CALL (f) {
  MATCH (f)-[:CARRIES]->(k:DataCategory)-[:ABOUT]->(s:Subject)
  WHERE f.recipientCanIdentify IS NULL AND k.linkKey = true
    AND (EXISTS { MATCH (k)<-[:COLLECTS]-(:Collection)<-[:HAS_COLLECTION]-(:System {operator: f.recipient}) }
      OR EXISTS {
        MATCH (k)<-[:CARRIES]-(g:Flow)-[:TO]->(:System {operator: f.recipient})
        WHERE g <> f AND {{in-force g $asOf}}
      }
      OR EXISTS {
        MATCH (k)<-[:OUTPUT]-(d:Derivation)-[:IN_SYSTEM]->(:System {operator: f.recipient})
        WHERE {{in-force d $asOf}}
      })
  MATCH (s)<-[:ABOUT]-(pc:DataCategory {class: 'PERSONAL'})
  WHERE EXISTS { MATCH (pc)<-[:COLLECTS]-(:Collection)<-[:HAS_COLLECTION]-(:System {operator: f.recipient}) }
    OR EXISTS {
      MATCH (pc)<-[:CARRIES]-(g:Flow)-[:TO]->(:System {operator: f.recipient})
      WHERE g <> f AND {{in-force g $asOf}}
    }
    OR EXISTS {
      MATCH (pc)<-[:OUTPUT]-(d:Derivation)-[:IN_SYSTEM]->(:System {operator: f.recipient})
      WHERE {{in-force d $asOf}}
    }
  WITH k, pc, s ORDER BY k.seq, pc.seq
  RETURN collect(DISTINCT k.id) AS linkKeys, collect(DISTINCT pc.id) AS identifying, collect(DISTINCT s.id) AS subjects
}
WITH f, referable, linkKeys, identifying, subjects,
  CASE WHEN f.recipientCanIdentify = true THEN 'declared' WHEN size(linkKeys) > 0 THEN 'inferred' END AS reason
WHERE reason IS NOT NULL
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo, referable AS categories,
  [f.sender, f.recipient] AS organizations, reason, f.sender AS sender, f.recipient AS recipient, f.basis AS basis,
  f.notice AS notice, linkKeys, identifying, subjects
ORDER BY f.seq
