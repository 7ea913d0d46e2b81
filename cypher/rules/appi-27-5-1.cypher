// id: APPI-27-5-1
// severity: critical
// target: flow
// title: Entrusted data used beyond the entrustment
// citation: APPI Art. 27(5)(i) [23(5)(i)]; PPC guidelines Q&A on entrustment (a trustee may not match entrusted data with data it acquired itself or with other trustors' data)
// condition: a flow with basis ENTRUSTMENT from trustor A to trustee T, and either (a) a derivation in a system of T has an input carried by this flow and another input that T holds other than through flows from A, or (b) a category carried by this flow, or output by a derivation that used one, leaves T in a flow to an organization other than A
// explanation.en: A contractor that combines a client's personal data with its own or other clients' data is no longer a mere contractor, so the transfer needs consent.
// explanation.ja: 委託先が委託された個人データを自ら取得したデータや他の委託元のデータと突合する場合、委託には当たらず、第三者提供として本人の同意が必要となる。
// message.en: Flow {target} entrusts {entrusted} from {sender} to {recipient}, but {recipient} uses it beyond the entrustment, so the transfer needs the people's consent.{also}
// message.ja: フロー {target} は {entrusted} の取扱いを {sender} から {recipient} に委託しているが、{recipient} は委託の範囲を超えて取り扱っており、本人の同意が必要である。{alsoJa}
// message.en.combined: Flow {target} entrusts {entrusted} from {sender} to {recipient}, but {recipient} combines {combinedCategories} with data it holds other than from {sender} ({combinedWith}) in derivation(s) {derivations}; a trustee that matches entrusted data with its own or other clients' data is no longer a mere contractor, so the transfer needs the people's consent.{also}
// message.ja.combined: フロー {target} は {entrusted} の取扱いを {sender} から {recipient} に委託しているが、{recipient} は派生処理 {derivations} において {combinedCategories} を {sender} 以外から保有するデータ（{combinedWith}）と突合している。委託先が自ら取得したデータや他の委託元のデータと突合することは委託の範囲を超えるため、本人の同意が必要である。{alsoJa}
// message.en.passed-on: Flow {target} entrusts {entrusted} from {sender} to {recipient}, but {recipient} passes {passedOn} (the entrusted data or data derived from it) on to {onwardRecipients} in flow(s) {onwardFlows}; a trustee may handle entrusted data only for its trustor, so the transfer needs the people's consent.
// message.ja.passed-on: フロー {target} は {entrusted} の取扱いを {sender} から {recipient} に委託しているが、{recipient} は委託されたデータ又はそれから生成したデータ（{passedOn}）をフロー {onwardFlows} により {sender} 以外の {onwardRecipients} に提供している。委託先は委託元のためにのみ取り扱うことができるため、本人の同意が必要である。
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
  AND f.basis = 'ENTRUSTMENT'
// (a) A derivation at a system of the trustee T, valid as of $asOf, with an input c carried by this flow and
// another input o (o <> c) that T holds other than through flows from the trustor A: one of T's systems
// collects o; or o reaches a T system in a flow (valid as of $asOf) from a system operated neither by A nor
// by T (a flow between T's own systems only moves what T already holds, so it is no source of its own:
// counting it would flag data T got from A and then moved internally); or a derivation at a T system,
// valid as of $asOf, other than this one, outputs o (a derivation's own output is no prior holding).
CALL (f) {
  OPTIONAL MATCH (f)-[:CARRIES]->(c:DataCategory)<-[:INPUT]-(d:Derivation {organization: f.recipient})-[:INPUT]->(o:DataCategory)
  WHERE o <> c
    AND {{in-force d $asOf}}
    AND (
      EXISTS { MATCH (:System {operator: f.recipient})-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(o) }
      OR EXISTS {
        MATCH (o)<-[:CARRIES]-(g:Flow {recipient: f.recipient})
        WHERE NOT g.sender IN [f.sender, f.recipient]
          AND {{in-force g $asOf}}
      }
      OR EXISTS {
        MATCH (o)<-[:OUTPUT]-(e:Derivation {organization: f.recipient})
        WHERE e <> d
          AND {{in-force e $asOf}}
      }
    )
  WITH c, d, o ORDER BY d.seq, o.seq
  RETURN collect(DISTINCT c.id) AS combinedIds, collect(DISTINCT d.id) AS derivations, collect(DISTINCT o.id) AS combinedWith
}
// (b) A category carried by this flow, or output by a derivation at a T system (valid as of $asOf) that has
// one of them as input, leaves T in a flow from a T system (valid as of $asOf) to an organization other than
// A. A flow to T's own systems does not leave T, so the recipient must be neither A nor T. One derivation
// step, as the condition says: outputs of outputs are not followed.
CALL (f) {
  MATCH (f)-[:CARRIES]->(c:DataCategory)
  CALL (f, c) {
    RETURN c AS out
    UNION
    MATCH (c)<-[:INPUT]-(d:Derivation {organization: f.recipient})-[:OUTPUT]->(out:DataCategory)
    WHERE {{in-force d $asOf}}
    RETURN out
  }
  MATCH (out)<-[:CARRIES]-(g:Flow {sender: f.recipient})
  WHERE NOT g.recipient IN [f.sender, f.recipient]
    AND {{in-force g $asOf}}
  WITH c, out, g ORDER BY g.seq, out.seq
  RETURN collect(DISTINCT c.id) AS passedIds, collect(DISTINCT out.id) AS passedOn,
    collect(DISTINCT g.id) AS onwardFlows, collect(DISTINCT g.recipient) AS onwardRecipients
}
WITH f, derivations, combinedWith, passedOn, onwardFlows, onwardRecipients,
  [x IN f.dataCategories WHERE x IN combinedIds] AS combinedCategories,
  [x IN f.dataCategories WHERE x IN combinedIds OR x IN passedIds] AS offending
WHERE size(derivations) > 0 OR size(onwardFlows) > 0
// Both branches may hold: the reason is (a) `combined` when it holds, else (b) `passed-on`; when both hold,
// (b) is described in the same message through `also` / `alsoJa`, naming the categories and recipients (the
// onward flows, which can be many, are in the evidence column onwardFlows).
WITH f, derivations, combinedWith, passedOn, onwardFlows, onwardRecipients, combinedCategories, offending,
  CASE WHEN size(derivations) > 0 THEN 'combined' ELSE 'passed-on' END AS reason,
  reduce(s = '', x IN passedOn | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) AS passedEn,
  reduce(s = '', x IN passedOn | s + CASE WHEN s = '' THEN '' ELSE '、' END + x) AS passedJa,
  reduce(s = '', x IN onwardRecipients | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) AS onwardRecipientsEn,
  reduce(s = '', x IN onwardRecipients | s + CASE WHEN s = '' THEN '' ELSE '、' END + x) AS onwardRecipientsJa
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo, offending AS categories,
  [f.sender, f.recipient] AS organizations, reason,
  [r IN [CASE WHEN size(derivations) > 0 THEN 'combined' END, CASE WHEN size(onwardFlows) > 0 THEN 'passed-on' END] WHERE r IS NOT NULL] AS reasons,
  f.sender AS sender, f.recipient AS recipient, f.basis AS basis, f.dataCategories AS entrusted,
  combinedCategories, combinedWith, derivations, passedOn, onwardFlows, onwardRecipients,
  CASE WHEN reason = 'combined' AND size(onwardFlows) > 0
    THEN ' It also passes ' + passedEn + ' on to ' + onwardRecipientsEn + '.' ELSE '' END AS also,
  CASE WHEN reason = 'combined' AND size(onwardFlows) > 0
    THEN 'また、' + passedJa + ' を ' + onwardRecipientsJa + ' に提供している。' ELSE '' END AS alsoJa
ORDER BY f.seq
