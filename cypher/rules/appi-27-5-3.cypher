// id: APPI-27-5-3
// severity: high
// target: flow
// title: Joint use outside its declaration
// citation: APPI Art. 27(5)(iii) [23(5)(iii)]
// condition: a cross-organization flow with basis SHARED_USE whose notice is missing or has no sharedUse, or whose declaration has no manager, does not name the recipient (directly or through its group) in users, or does not list every category and every purpose of the flow
// explanation.en: Joint use is lawful only when the items, the users, the purposes and the responsible manager were made known in advance and the sharing stays within them.
// explanation.ja: 共同利用は、項目、共同利用者の範囲、利用目的、管理責任者をあらかじめ本人に通知し又は容易に知り得る状態に置き、その範囲内で行わなければならない。
// message.en: Flow {target} shares {flowCategories} from {sender} with {recipient} as joint use, but the sharing is not within a complete joint-use declaration.{also}
// message.ja: フロー {target} は共同利用として {flowCategories} を {sender} から {recipient} に提供しているが、共同利用の記載の範囲内で行われていない。{alsoJa}
// message.en.no-notice: Flow {target} shares {flowCategories} from {sender} with {recipient} as joint use, but names no notice that declares the joint use; its items, users, purposes and manager must be made known to the people in advance.
// message.ja.no-notice: フロー {target} は共同利用として {flowCategories} を {sender} から {recipient} に提供しているが、共同利用を通知・公表した通知が示されていない。共同利用する項目、共同利用者の範囲、利用目的及び管理責任者をあらかじめ本人に知らせる必要がある。
// message.en.no-shared-use: Flow {target} shares {flowCategories} from {sender} with {recipient} as joint use under notice {notice}, but that notice declares no joint use.
// message.ja.no-shared-use: フロー {target} は共同利用として {flowCategories} を {sender} から {recipient} に提供しているが、通知 {notice} には共同利用の記載がない。
// message.en.no-manager: Flow {target} shares {flowCategories} from {sender} with {recipient} as joint use under notice {notice}, but its joint-use declaration names no manager responsible for the data.{also}
// message.ja.no-manager: フロー {target} は共同利用として {flowCategories} を {sender} から {recipient} に提供しているが、通知 {notice} の共同利用の記載には管理責任者が定められていない。{alsoJa}
// message.en.recipient-not-user: Flow {target} shares {flowCategories} from {sender} with {recipient} as joint use under notice {notice}, but its declaration does not name {recipient}, directly or through its group, among the joint users ({users}).{also}
// message.ja.recipient-not-user: フロー {target} は共同利用として {flowCategories} を {sender} から {recipient} に提供しているが、通知 {notice} の共同利用者の範囲（{users}）に {recipient} は直接にもグループとしても含まれていない。{alsoJa}
// message.en.not-listed: Flow {target} shares {flowCategories} from {sender} with {recipient} as joint use under notice {notice}, but its declaration does not list {unlisted} of the flow.
// message.ja.not-listed: フロー {target} は共同利用として {flowCategories} を {sender} から {recipient} に提供しているが、通知 {notice} の共同利用の記載にはこのフローの{unlistedJa}が含まれていない。
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
  AND f.basis = 'SHARED_USE'
MATCH (recipient:Organization {map: $map, id: f.recipient})
OPTIONAL MATCH (f)-[:UNDER_NOTICE]->(n:Notice)
OPTIONAL MATCH (n)-[:DECLARES_SHARED_USE]->(su:SharedUse)
// Named directly (an organization id in users) or through its group (a group id in users). The
// SHARED_WITH relationships are used, not the ids, so an organization is never taken for a group.
WITH f, recipient, n, su,
  su IS NOT NULL AND (EXISTS { (su)-[:SHARED_WITH]->(recipient) } OR EXISTS { (su)-[:SHARED_WITH]->(:Group)<-[:MEMBER_OF]-(recipient) }) AS named,
  CASE WHEN su IS NULL THEN [] ELSE [x IN f.dataCategories WHERE NOT x IN coalesce(su.dataCategories, [])] END AS unlistedCategories,
  CASE WHEN su IS NULL THEN [] ELSE [x IN coalesce(f.purposes, []) WHERE NOT x IN coalesce(su.purposes, [])] END AS unlistedPurposes
// Every defect that holds, in the order of the condition. A missing notice or declaration leaves nothing else
// to judge; the three defects of a declaration can hold together: the first is the finding's reason, the
// others are described in the same message (`also` / `alsoJa`) and all are listed in `reasons`.
WITH f, n, su, named, unlistedCategories, unlistedPurposes,
  CASE
    WHEN n IS NULL THEN ['no-notice']
    WHEN su IS NULL THEN ['no-shared-use']
    ELSE [r IN [
      CASE WHEN su.manager IS NULL THEN 'no-manager' END,
      CASE WHEN NOT named THEN 'recipient-not-user' END,
      CASE WHEN size(unlistedCategories) + size(unlistedPurposes) > 0 THEN 'not-listed' END
    ] WHERE r IS NOT NULL]
  END AS reasons
WHERE size(reasons) > 0
WITH f, n, su, unlistedCategories, unlistedPurposes, reasons, reasons[0] AS reason,
  [part IN [
    CASE WHEN size(unlistedCategories) > 0 THEN 'the categories ' + reduce(s = '', x IN unlistedCategories | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) END,
    CASE WHEN size(unlistedPurposes) > 0 THEN 'the purposes ' + reduce(s = '', x IN unlistedPurposes | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) END
  ] WHERE part IS NOT NULL] AS unlistedPartsEn,
  [part IN [
    CASE WHEN size(unlistedCategories) > 0 THEN '項目（' + reduce(s = '', x IN unlistedCategories | s + CASE WHEN s = '' THEN '' ELSE '、' END + x) + '）' END,
    CASE WHEN size(unlistedPurposes) > 0 THEN '利用目的（' + reduce(s = '', x IN unlistedPurposes | s + CASE WHEN s = '' THEN '' ELSE '、' END + x) + '）' END
  ] WHERE part IS NOT NULL] AS unlistedPartsJa
WITH f, n, su, unlistedCategories, unlistedPurposes, reasons, reason,
  reduce(s = '', x IN unlistedPartsEn | s + CASE WHEN s = '' THEN '' ELSE ' and ' END + x) AS unlisted,
  reduce(s = '', x IN unlistedPartsJa | s + CASE WHEN s = '' THEN '' ELSE '及び' END + x) AS unlistedJa
WITH f, n, su, unlistedCategories, unlistedPurposes, reasons, reason, unlisted, unlistedJa,
  [r IN tail(reasons) |
    CASE r
      WHEN 'recipient-not-user' THEN 'it does not name ' + f.recipient + ' among the joint users'
      ELSE 'it does not list ' + unlisted + ' of the flow'
    END] AS othersEn,
  [r IN tail(reasons) |
    CASE r
      WHEN 'recipient-not-user' THEN '共同利用者の範囲に ' + f.recipient + ' が含まれていない'
      ELSE 'このフローの' + unlistedJa + 'が記載されていない'
    END] AS othersJa
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo,
  CASE WHEN reason = 'not-listed' AND size(unlistedCategories) > 0 THEN unlistedCategories ELSE f.dataCategories END AS categories,
  [f.sender, f.recipient] AS organizations, reason, reasons,
  f.sender AS sender, f.recipient AS recipient, f.basis AS basis, f.notice AS notice,
  f.dataCategories AS flowCategories, coalesce(f.purposes, []) AS flowPurposes,
  CASE WHEN su IS NULL THEN null ELSE coalesce(su.users, []) END AS users,
  su.manager AS manager, unlistedCategories, unlistedPurposes, unlisted, unlistedJa,
  CASE WHEN size(othersEn) = 0 THEN ''
    ELSE ' Also, ' + reduce(s = '', x IN othersEn | s + CASE WHEN s = '' THEN '' ELSE '; and ' END + x) + '.' END AS also,
  CASE WHEN size(othersJa) = 0 THEN ''
    ELSE 'また、' + reduce(s = '', x IN othersJa | s + CASE WHEN s = '' THEN '' ELSE '。また、' END + x) + '。' END AS alsoJa
ORDER BY f.seq
