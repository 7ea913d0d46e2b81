// id: APPI-28-1
// severity: critical
// target: flow
// title: Provision to a third party in a foreign country without consent naming the country or equivalent measures
// citation: APPI Art. 28(1) [24]; PPC Rules 15-16
// condition: a cross-organization flow that carries a personal category, whose recipient's country is neither JP nor adequate (EEA or GB), whose basis is not LAW, whose equivalentMeasures is not true, and which is not a CONSENT flow whose covering provision lists the recipient's country in countries
// explanation.en: Personal data may go to a recipient in a country without an adequate regime only with consent that named the country, or to a recipient bound to equivalent measures; entrustment and joint use do not exempt it.
// explanation.ja: 外国にある第三者への提供には、十分性認定国又は基準適合体制がある場合を除き、外国への提供を認める旨の本人の同意が必要である。
// message.en: Flow {target} provides personal data ({categories}) from {sender} to {recipient} in {recipientCountry}, a country without an adequate regime, with no consent naming {recipientCountry} and no equivalent measures.
// message.ja: フロー {target} は個人データ（{categories}）を {sender} から十分性認定のない国（{recipientCountry}）にある {recipient} に提供しているが、{recipientCountry} への提供に対する本人の同意も基準適合体制もない。
// message.en.not-consent: Flow {target} provides personal data ({categories}) from {sender} to {recipient} in {recipientCountry}, a country without an adequate regime, on basis {basis}: that basis does not exempt a provision abroad, and neither consent naming {recipientCountry} nor equivalent measures are declared.
// message.ja.not-consent: フロー {target} は個人データ（{categories}）を {sender} から十分性認定のない国（{recipientCountry}）にある {recipient} に根拠 {basis} で提供しているが、この根拠では外国にある第三者への提供は免除されず、{recipientCountry} への提供に対する本人の同意も基準適合体制もない。
// message.en.no-notice: Flow {target} provides personal data ({categories}) from {sender} to {recipient} in {recipientCountry}, a country without an adequate regime, on basis CONSENT but names no notice, so no consent naming {recipientCountry} is shown, and no equivalent measures are declared.
// message.ja.no-notice: フロー {target} は同意を根拠に個人データ（{categories}）を {sender} から十分性認定のない国（{recipientCountry}）にある {recipient} に提供しているが、通知が示されておらず {recipientCountry} への提供に対する同意が確認できず、基準適合体制もない。
// message.en.other-notice: Flow {target} provides personal data ({categories}) from {sender} to {recipient} in {recipientCountry}, a country without an adequate regime, on basis CONSENT under notice {notice}, which is not {sender}'s own, so it supplies no consent to {sender}'s provision abroad; no equivalent measures are declared.
// message.ja.other-notice: フロー {target} は同意を根拠に個人データ（{categories}）を {sender} から十分性認定のない国（{recipientCountry}）にある {recipient} に提供しているが、通知 {notice} は {sender} のものではなく外国への提供に対する同意にならず、基準適合体制もない。
// message.en.not-covered: Flow {target} provides personal data ({categories}) from {sender} to {recipient} in {recipientCountry}, a country without an adequate regime, on basis CONSENT, but notice {notice} has no provision covering this recipient, these categories and purposes, let alone naming {recipientCountry}; no equivalent measures are declared.
// message.ja.not-covered: フロー {target} は同意を根拠に個人データ（{categories}）を {sender} から十分性認定のない国（{recipientCountry}）にある {recipient} に提供しているが、通知 {notice} にはこの提供先・項目・目的を含む第三者提供の記載がなく、{recipientCountry} も示されておらず、基準適合体制もない。
// message.en.country-not-named: Flow {target} provides personal data ({categories}) from {sender} to {recipient} in {recipientCountry}, a country without an adequate regime; notice {notice} covers the provision but does not name {recipientCountry} among its countries, and no equivalent measures are declared.
// message.ja.country-not-named: フロー {target} は個人データ（{categories}）を {sender} から十分性認定のない国（{recipientCountry}）にある {recipient} に提供している。通知 {notice} はこの提供を記載しているが提供先の国として {recipientCountry} を示しておらず、基準適合体制もない。
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
  AND coalesce(f.basis, '') <> 'LAW'
  AND coalesce(f.equivalentMeasures, false) <> true
// The recipient's country is the recipient organization's (the legal entity APPI 28 is about), not
// where its receiving system runs: a Japanese company's server abroad is not a foreign third party.
MATCH (recipient:Organization {map: $map, id: f.recipient})
WHERE NOT recipient.country IN ['JP', 'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IS', 'IE',
    'IT', 'LV', 'LI', 'LT', 'LU', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'GB']
MATCH (f)-[:CARRIES]->(c:DataCategory)
WHERE c.class IN ['PERSONAL', 'SPECIAL_CARE']
WITH f, recipient, collect(c.id) AS ids
WITH f, recipient, recipient.country AS recipientCountry, [x IN f.dataCategories WHERE x IN ids] AS personal
OPTIONAL MATCH (f)-[:UNDER_NOTICE]->(n:Notice)
// The covering provisions of the flow's own notice (COVERS edges, written at import). Ambiguity: the notice must be
// the sender's, as for APPI-27-1 (b): consent to another organization's notice is no consent to the sender's provision abroad.
CALL (f, n) {
  MATCH (n)-[:HAS_PROVISION]->(pr:Provision)-[:COVERS]->(f)
  WHERE n.organization = f.sender
  RETURN collect(pr) AS covering
}
WITH f, recipientCountry, personal, n, covering,
  CASE
    // Entrustment, shared use, succession and every other basis but LAW and CONSENT give no exemption abroad.
    WHEN f.basis <> 'CONSENT' THEN 'not-consent'
    WHEN n IS NULL THEN 'no-notice'
    WHEN n.organization <> f.sender THEN 'other-notice'
    WHEN size(covering) = 0 THEN 'not-covered'
    WHEN any(pr IN covering WHERE recipientCountry IN coalesce(pr.countries, [])) THEN null
    ELSE 'country-not-named'
  END AS reason
WHERE reason IS NOT NULL
RETURN f.id AS target, null AS affectedPeople, f.from AS pathFrom, f.to AS pathTo, personal AS categories,
  [f.sender, f.recipient] AS organizations, reason, f.sender AS sender, f.recipient AS recipient,
  recipientCountry, f.basis AS basis, f.notice AS notice
ORDER BY f.seq
