// id: APPI-27-2
// severity: critical
// target: flow
// title: Opt-out provision not allowed
// citation: APPI Art. 27(2)-(4) [23(2)-(4)]
// condition: a cross-organization flow with basis OPT_OUT carries a SPECIAL_CARE category, or a category the sender received through an OPT_OUT flow, or the sender has not optOutFiled
// explanation.en: Opt-out provision needs a filing with the PPC and is never allowed for sensitive data or for data itself obtained by opt-out.
// explanation.ja: オプトアウトによる第三者提供には個人情報保護委員会への届出が必要であり、要配慮個人情報やオプトアウトで取得した個人データには用いることができない。
// message.en: Flow {target} provides {categories} from {sender} to {recipient} by opt-out, which APPI Art. 27(2) does not allow here.{also}
// message.ja: フロー {target} は {categories} を {sender} から {recipient} にオプトアウトにより提供しているが、この提供にはオプトアウトを用いることができない。{alsoJa}
// message.en.special-care: Flow {target} provides special care-required data ({categories}) from {sender} to {recipient} by opt-out; sensitive data may never be provided by opt-out, only with the people's prior consent.{also}
// message.ja.special-care: フロー {target} は要配慮個人情報（{categories}）を {sender} から {recipient} にオプトアウトにより提供しているが、要配慮個人情報はオプトアウトで提供できず、本人の事前の同意が必要である。{alsoJa}
// message.en.opt-out-acquired: Flow {target} provides {categories} from {sender} to {recipient} by opt-out, but {sender} itself obtained that data by opt-out (flow(s) {optOutSources}); data obtained by opt-out may not be provided by opt-out again.{also}
// message.ja.opt-out-acquired: フロー {target} は {categories} を {sender} から {recipient} にオプトアウトにより提供しているが、{sender} 自身がこれをオプトアウトにより取得している（フロー {optOutSources}）。オプトアウトで取得した個人データはオプトアウトで提供できない。{alsoJa}
// message.en.not-filed: Flow {target} provides {categories} from {sender} to {recipient} by opt-out, but {sender} has not filed its opt-out provision with the Personal Information Protection Commission.
// message.ja.not-filed: フロー {target} は {categories} を {sender} から {recipient} にオプトアウトにより提供しているが、{sender} はオプトアウトによる提供を個人情報保護委員会に届け出ていない。
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
  AND f.basis = 'OPT_OUT'
MATCH (sender:Organization {map: $map, id: f.sender})
CALL (f) {
  OPTIONAL MATCH (f)-[:CARRIES]->(c:DataCategory {class: 'SPECIAL_CARE'})
  RETURN collect(c.id) AS specialIds
}
// Received through an OPT_OUT flow: a flow valid as of $asOf, into one of the sender's systems, with
// basis OPT_OUT, carrying the category. Only a flow from another organization counts: a flow between
// the sender's own systems is no provision, whatever basis the map gives it, so nothing was obtained by it.
CALL (f) {
  OPTIONAL MATCH (f)-[:CARRIES]->(c:DataCategory)<-[:CARRIES]-(g:Flow {basis: 'OPT_OUT', recipient: f.sender})
  WHERE g.crossOrganization
    AND {{in-force g $asOf}}
  WITH c, g ORDER BY g.seq
  RETURN collect(DISTINCT c.id) AS acquiredIds, collect(DISTINCT g.id) AS optOutSources
}
WITH f, sender, coalesce(sender.optOutFiled, false) AS optOutFiled, optOutSources,
  [x IN f.dataCategories WHERE x IN specialIds] AS specialCare,
  [x IN f.dataCategories WHERE x IN acquiredIds] AS acquired
// Every branch that holds, in a fixed order: the two absolute prohibitions first (special care data,
// then data obtained by opt-out), the missing filing last. The first one is the finding's reason; the
// others are named in the same message (one finding per flow) and listed in `reasons`.
WITH f, sender, optOutFiled, optOutSources, specialCare, acquired,
  [r IN [
    CASE WHEN size(specialCare) > 0 THEN 'special-care' END,
    CASE WHEN size(acquired) > 0 THEN 'opt-out-acquired' END,
    CASE WHEN NOT optOutFiled THEN 'not-filed' END
  ] WHERE r IS NOT NULL] AS reasons
WHERE size(reasons) > 0
WITH f, optOutFiled, optOutSources, specialCare, acquired, reasons, reasons[0] AS reason,
  reduce(s = '', x IN specialCare | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) AS specialEn,
  reduce(s = '', x IN specialCare | s + CASE WHEN s = '' THEN '' ELSE '、' END + x) AS specialJa,
  reduce(s = '', x IN acquired | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) AS acquiredEn,
  reduce(s = '', x IN acquired | s + CASE WHEN s = '' THEN '' ELSE '、' END + x) AS acquiredJa,
  reduce(s = '', x IN optOutSources | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) AS sourcesEn,
  reduce(s = '', x IN optOutSources | s + CASE WHEN s = '' THEN '' ELSE '、' END + x) AS sourcesJa
WITH f, optOutFiled, optOutSources, specialCare, acquired, reasons, reason,
  [r IN tail(reasons) |
    CASE r
      WHEN 'opt-out-acquired' THEN acquiredEn + ' was itself obtained by opt-out (flow(s) ' + sourcesEn + ')'
      ELSE f.sender + ' has not filed its opt-out provision with the Personal Information Protection Commission'
    END] AS othersEn,
  [r IN tail(reasons) |
    CASE r
      WHEN 'opt-out-acquired' THEN acquiredJa + ' はオプトアウトにより取得したものである（フロー ' + sourcesJa + '）'
      ELSE f.sender + ' はオプトアウトによる提供を個人情報保護委員会に届け出ていない'
    END] AS othersJa
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo,
  CASE reason WHEN 'special-care' THEN specialCare WHEN 'opt-out-acquired' THEN acquired ELSE f.dataCategories END AS categories,
  [f.sender, f.recipient] AS organizations, reason, reasons,
  f.sender AS sender, f.recipient AS recipient, f.basis AS basis, optOutFiled,
  specialCare, acquired AS optOutAcquired, optOutSources,
  CASE WHEN size(othersEn) = 0 THEN ''
    ELSE ' Also, ' + reduce(s = '', x IN othersEn | s + CASE WHEN s = '' THEN '' ELSE '; and ' END + x) + '.' END AS also,
  CASE WHEN size(othersJa) = 0 THEN ''
    ELSE 'また、' + reduce(s = '', x IN othersJa | s + CASE WHEN s = '' THEN '' ELSE '。また、' END + x) + '。' END AS alsoJa
ORDER BY f.seq
