// id: APPI-27-1
// severity: critical
// target: flow
// title: Third-party provision without consent
// citation: APPI Art. 27(1) [23(1)]; group companies are third parties
// condition: a cross-organization flow carries a personal category and either (a) its basis is INTERNAL or NOT_PERSONAL, or (b) its basis is CONSENT and its notice is missing, is not the sender's, or has no provision covering the flow, or (c) its basis is CONSENT, (b) does not hold, and some people entry concerned by the flow has not consented for it
// explanation.en: Personal data may not be given to another company without the person's prior consent unless a legal exception applies.
// explanation.ja: 法令に基づく場合等を除き、あらかじめ本人の同意を得ないで個人データを第三者に提供してはならない。
// message.en: Flow {target} gives personal data ({categories}) from {sender} to {recipient} without the people's consent.
// message.ja: フロー {target} は本人の同意なく個人データ（{categories}）を {sender} から {recipient} に提供している。
// message.en.a: Flow {target} gives personal data ({categories}) from {sender} to another company, {recipient}, on basis {basis}, which is no ground for a third-party provision.
// message.ja.a: フロー {target} は個人データ（{categories}）を {sender} から別法人 {recipient} に提供しているが、根拠 {basis} は第三者提供の根拠にならない。
// message.en.b-no-notice: Flow {target} gives personal data ({categories}) from {sender} to {recipient} on basis CONSENT but names no notice the consent was given to.
// message.ja.b-no-notice: フロー {target} は同意を根拠に個人データ（{categories}）を {sender} から {recipient} に提供しているが、同意の対象となる通知が示されていない。
// message.en.b-other-notice: Flow {target} gives personal data ({categories}) from {sender} to {recipient} on basis CONSENT under notice {notice}, which is not {sender}'s own.
// message.ja.b-other-notice: フロー {target} は同意を根拠に個人データ（{categories}）を {sender} から {recipient} に提供しているが、通知 {notice} は {sender} のものではない。
// message.en.b-not-covered: Flow {target} gives personal data ({categories}) from {sender} to {recipient} on basis CONSENT, but notice {notice} has no provision covering this recipient, these categories and purposes.
// message.ja.b-not-covered: フロー {target} は同意を根拠に個人データ（{categories}）を {sender} から {recipient} に提供しているが、通知 {notice} にはこの提供先・項目・目的を含む第三者提供の記載がない。
// message.en.c: Flow {target} gives personal data ({categories}) from {sender} to {recipient} on basis CONSENT, but {affectedPeople} people concerned by it ({people}) had not consented to a notice covering it.
// message.ja.c: フロー {target} は同意を根拠に個人データ（{categories}）を {sender} から {recipient} に提供しているが、対象者のうち {affectedPeople} 人（{people}）はこの提供を含む通知に同意していない。
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
  AND f.basis IN ['INTERNAL', 'NOT_PERSONAL', 'CONSENT']
MATCH (f)-[:CARRIES]->(c:DataCategory)
WHERE c.class IN ['PERSONAL', 'SPECIAL_CARE']
// In the flow's order, as the other rules list categories: a collect() follows the order in which the store
// happens to keep relationships, which another edge of the flow (COVERS, written in the same transaction) can change.
WITH f, collect(c.id) AS ids
WITH f, [x IN f.dataCategories WHERE x IN ids] AS personal
OPTIONAL MATCH (f)-[:UNDER_NOTICE]->(n:Notice)
// "Covers": the COVERS edges written at import (cypher/queries/map/import/18-create-covers.cypher).
WITH f, personal, n,
  CASE
    WHEN f.basis <> 'CONSENT' THEN 'a'
    WHEN n IS NULL THEN 'b-no-notice'
    WHEN n.organization <> f.sender THEN 'b-other-notice'
    WHEN NOT EXISTS { (n)-[:HAS_PROVISION]->(:Provision)-[:COVERS]->(f) } THEN 'b-not-covered'
    ELSE 'c'
  END AS reason
// People entries concerned by the flow: the subject of a carried category, using a system of the sender.
// Found from the sender's systems once per sender (many flows share one), then narrowed by subject.
WITH f.sender AS sender, collect({f: f, personal: personal, n: n, reason: reason}) AS flows
CALL (sender) {
  MATCH (:System {map: $map, operator: sender})<-[:USES]-(p:People)
  WITH DISTINCT p ORDER BY p.seq
  RETURN collect(p) AS senderPeople
}
UNWIND flows AS flow
WITH flow.f AS f, flow.personal AS personal, flow.n AS n, flow.reason AS reason, senderPeople
WITH f, personal, n, reason, senderPeople, [(f)-[:CARRIES]->(c:DataCategory) | c.subject] AS subjects
// The sender's notices with a provision covering the flow, from the flow's few COVERS edges, once per flow:
// each consent is then only asked whether its notice is one of them (rather than expanding provisions per consent).
WITH f, personal, n, reason, [p IN senderPeople WHERE p.subject IN subjects] AS concerned,
  COLLECT { MATCH (f)<-[:COVERS]-(:Provision)<-[:HAS_PROVISION]-(cn:Notice {organization: f.sender}) RETURN DISTINCT cn } AS covering
// Consented for: a consent to a notice of the sender with a provision covering the flow, given no
// later than the later of the flow's validFrom and the entry's since (default: its first consent).
CALL (f, reason, concerned, covering) {
  UNWIND CASE WHEN reason = 'c' THEN concerned ELSE [] END AS p
  WITH p, coalesce(p.since, reduce(first = null, at IN [(p)-[:GAVE]->(k:Consent) WHERE {{happened-by k.at $asOf}} | k.at] |
         CASE WHEN first IS NULL OR at < first THEN at ELSE first END)) AS since
  WITH p, CASE WHEN f.validFrom IS NOT NULL AND f.validFrom > since THEN f.validFrom ELSE since END AS deadline
  WHERE NOT EXISTS {
    // GAVE leads only to a Consent (14-create-consents): no label check per consent of every entry.
    MATCH (p)-[:GAVE]->(k)-[:TO_NOTICE]->(cn)
    WHERE cn IN covering
      AND k.at <= deadline
      AND {{happened-by k.at $asOf}}
  }
  RETURN collect(p) AS unconsented
}
WITH f, personal, n, reason, CASE WHEN reason = 'c' THEN unconsented ELSE concerned END AS about
WHERE reason <> 'c' OR size(about) > 0
RETURN f.id AS target,
  CASE WHEN size(about) = 0 THEN null ELSE reduce(total = 0, p IN about | total + p.headcount) END AS affectedPeople,
  f.from AS pathFrom, f.to AS pathTo, personal AS categories, [f.sender, f.recipient] AS organizations,
  reason, f.sender AS sender, f.recipient AS recipient, f.basis AS basis, f.notice AS notice,
  [p IN about | p.id] AS people
ORDER BY f.seq
