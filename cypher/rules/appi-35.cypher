// id: APPI-35
// severity: high
// target: flow
// title: Provision continued after consent was withdrawn
// citation: APPI Art. 35 [30]
// condition: a CONSENT flow that some concerned people entry consented for, where that entry's covering consent was withdrawn before the flow's validTo (or the flow is still running)
// explanation.en: Once a person withdraws consent, provision that relied on it must stop.
// explanation.ja: 本人の同意が撤回された後は、その同意に基づく提供を継続してはならない。
// message.en: Flow {target} provides data ({categories}) from {sender} to {recipient} on consent, but {affectedPeople} people ({people}) withdrew the consent it relied on (first withdrawal {firstWithdrawal}).
// message.ja: フロー {target} は同意を根拠にデータ（{categories}）を {sender} から {recipient} に提供しているが、対象者のうち {affectedPeople} 人（{people}）はその同意を撤回している（最初の撤回 {firstWithdrawal}）。
// message.en.running: Flow {target} is still providing data ({categories}) from {sender} to {recipient} on consent, although {affectedPeople} people ({people}) withdrew the consent it relies on (first withdrawal {firstWithdrawal}).
// message.ja.running: フロー {target} は同意を根拠にデータ（{categories}）を {sender} から {recipient} に提供し続けているが、対象者のうち {affectedPeople} 人（{people}）はその同意を撤回している（最初の撤回 {firstWithdrawal}）。
// message.en.until-end: Flow {target} went on providing data ({categories}) from {sender} to {recipient} on consent until {validTo}, although {affectedPeople} people ({people}) had withdrawn the consent it relied on (first withdrawal {firstWithdrawal}).
// message.ja.until-end: フロー {target} は同意を根拠にデータ（{categories}）を {sender} から {recipient} に {validTo} まで提供し続けたが、対象者のうち {affectedPeople} 人（{people}）はそれ以前にその同意を撤回していた（最初の撤回 {firstWithdrawal}）。
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
WHERE f.basis = 'CONSENT'
  AND {{in-force f $asOf}}
// People entries concerned by the flow: the subject of a carried category, using a system of the sender.
// Found from the sender's systems once per sender (many flows share one), then narrowed by subject.
WITH f.sender AS sender, collect(f) AS flows
CALL (sender) {
  MATCH (:System {map: $map, operator: sender})<-[:USES]-(p:People)
  WITH DISTINCT p ORDER BY p.seq
  RETURN collect(p) AS senderPeople
}
UNWIND flows AS f
WITH f, senderPeople, [(f)-[:CARRIES]->(c:DataCategory) | c.subject] AS subjects
WITH f, [p IN senderPeople WHERE p.subject IN subjects] AS concerned
// For each concerned entry: its covering consents that make it "consented for" the flow (to a notice of the sender with
// a provision covering the flow, a COVERS edge written at import; given no later than the later of validFrom and since,
// since defaulting to the first consent date), withdrawn before validTo (or at all, if the flow is still running) and
// no later than $asOf.
// Ambiguity: the entry counts as withdrawn only when no covering consent of it still stands at the end of the flow
// (validTo, else $asOf or now): a second covering consent, given in time or later, that was not withdrawn keeps it consenting.
CALL (f, concerned) {
  UNWIND concerned AS p
  WITH p, coalesce(p.since, reduce(first = null, at IN [(p)-[:GAVE]->(k:Consent) WHERE {{happened-by k.at $asOf}} | k.at] |
         CASE WHEN first IS NULL OR at < first THEN at ELSE first END)) AS since
  WITH p, CASE WHEN f.validFrom IS NOT NULL AND f.validFrom > since THEN f.validFrom ELSE since END AS deadline
  // The notice's COVERS edges are asked last, in an EXISTS, for the few withdrawn consents that remain. GAVE leads
  // only to a Consent (14-create-consents), so k is not label-checked: that would cost a check per consent of every entry.
  MATCH (p)-[:GAVE]->(k)-[:TO_NOTICE]->(n:Notice {organization: f.sender})
  WHERE k.at <= deadline
    AND {{happened-by k.at $asOf}}
    AND k.withdrawnAt IS NOT NULL
    AND {{happened-by k.withdrawnAt $asOf}}
    AND (f.validTo IS NULL OR k.withdrawnAt < f.validTo)
    AND EXISTS { (n)-[:HAS_PROVISION]->(:Provision)-[:COVERS]->(f) }
  // Aggregated before the check of a standing consent, so that the check runs only for the few entries that withdrew.
  WITH p, min(k.withdrawnAt) AS withdrawnAt
  WHERE NOT EXISTS {
    MATCH (p)-[:GAVE]->(k2:Consent)-[:TO_NOTICE]->(n2:Notice {organization: f.sender})
    WHERE EXISTS { (n2)-[:HAS_PROVISION]->(:Provision)-[:COVERS]->(f) }
      AND {{happened-by k2.at $asOf}}
      AND (f.validTo IS NULL OR k2.at <= f.validTo)
      AND (k2.withdrawnAt IS NULL OR NOT {{happened-by k2.withdrawnAt $asOf}} OR (f.validTo IS NOT NULL AND k2.withdrawnAt >= f.validTo))
  }
  WITH p, withdrawnAt
  ORDER BY p.seq
  RETURN collect(p) AS withdrawn, collect(withdrawnAt) AS withdrawals
}
WITH f, withdrawn, withdrawals
WHERE size(withdrawn) > 0
RETURN f.id AS target,
  reduce(total = 0, p IN withdrawn | total + p.headcount) AS affectedPeople,
  f.from AS pathFrom, f.to AS pathTo, f.dataCategories AS categories, [f.sender, f.recipient] AS organizations,
  CASE WHEN f.validTo IS NULL THEN 'running' ELSE 'until-end' END AS reason,
  f.sender AS sender, f.recipient AS recipient, f.notice AS notice, f.validTo AS validTo,
  [p IN withdrawn | p.id] AS people, withdrawals AS withdrawnOn,
  reduce(first = null, w IN withdrawals | CASE WHEN first IS NULL OR w < first THEN w ELSE first END) AS firstWithdrawal
ORDER BY f.seq
