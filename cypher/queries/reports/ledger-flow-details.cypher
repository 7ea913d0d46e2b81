// For a page of flows of the third-party provision and receipt ledger (APPI Arts. 29-31), what their
// records state beyond the flow's own fields, in one statement:
// - the carried categories, in the flow's order, with class and subject;
// - the people entries concerned by the flow (data-map.md: the subject of a carried category, using a
//   system of the sender), each with whether it consented for the flow: a consent to a notice of the
//   sender with a provision covering the flow (COVERS edges written at import), given no later than the
//   later of the flow's validFrom and the entry's since, as cypher/rules/appi-27-1.cypher decides it.
//   As of a date, consents given after it do not exist yet and consents withdrawn by then are not in force;
// - how the sender acquired the carried categories (取得の経緯, APPI Art. 30(1)(ii)): its collections of
//   them, its derivations producing them, and the flows from other organizations that brought them.
// Every list is cut at $limit per flow, with its total beside it; the sums count every entry.
UNWIND $flows AS flowId
MATCH (f:Flow {map: $map, id: flowId})
CALL (f) {
  UNWIND range(0, size(f.dataCategories) - 1) AS i
  MATCH (c:DataCategory {map: $map, id: f.dataCategories[i]})
  WITH i, c ORDER BY i
  RETURN collect(c {.id, .name, .class, .subject}) AS categories
}
WITH f, categories, [c IN categories | c.subject] AS subjects,
  COLLECT { MATCH (f)<-[:COVERS]-(:Provision)<-[:HAS_PROVISION]-(cn:Notice {organization: f.sender}) RETURN DISTINCT cn } AS covering
CALL (f, subjects, covering) {
  MATCH (:System {map: $map, operator: f.sender})<-[:USES]-(p:People)
  WITH DISTINCT p
  WHERE p.subject IN subjects
  WITH p, coalesce(p.since, head(COLLECT { MATCH (p)-[:GAVE]->(k:Consent) WHERE {{happened-by k.at $asOf}} RETURN k.at ORDER BY k.at LIMIT 1 })) AS since
  WITH p, CASE WHEN f.validFrom IS NOT NULL AND (since IS NULL OR f.validFrom > since) THEN f.validFrom ELSE since END AS deadline
  WITH p, COLLECT {
    MATCH (p)-[:GAVE]->(k)-[:TO_NOTICE]->(cn)
    WHERE cn IN covering
      AND k.at <= deadline
      AND {{happened-by k.at $asOf}}
      AND NOT ($asOf IS NOT NULL AND k.withdrawnAt IS NOT NULL AND k.withdrawnAt <= $asOf)
    RETURN DISTINCT cn.id
  } AS consentedTo
  ORDER BY p.seq, p.id
  RETURN count(p) AS peopleTotal,
    sum(p.headcount) AS headcount,
    sum(CASE WHEN size(consentedTo) > 0 THEN p.headcount ELSE 0 END) AS consentedHeadcount,
    collect({id: p.id, count: p.headcount, consented: size(consentedTo) > 0})[0..$limit] AS people,
    reduce(acc = [], ids IN collect(consentedTo) | acc + [x IN ids WHERE NOT x IN acc]) AS consentNotices
}
CALL (f) {
  MATCH (:System {map: $map, operator: f.sender})-[:HAS_COLLECTION]->(col:Collection)-[:COLLECTS]->(c:DataCategory)
  WHERE c.id IN f.dataCategories
  WITH col, collect(DISTINCT c.id) AS cats
  ORDER BY col.seq, col.id
  RETURN count(col) AS collectionTotal,
    collect({id: col.id, system: col.system, method: col.method, notice: col.notice, categories: cats})[0..$limit] AS collections
}
CALL (f) {
  MATCH (:System {map: $map, operator: f.sender})<-[:IN_SYSTEM]-(d:Derivation)-[:OUTPUT]->(c:DataCategory)
  WHERE c.id IN f.dataCategories AND {{in-force d $asOf}}
  WITH d, collect(DISTINCT c.id) AS cats
  ORDER BY d.seq, d.id
  RETURN count(d) AS derivationTotal, collect({id: d.id, system: d.system, categories: cats})[0..$limit] AS derivations
}
CALL (f) {
  MATCH (:System {map: $map, operator: f.sender})<-[:TO]-(g:Flow)-[:CARRIES]->(c:DataCategory)
  WHERE g.crossOrganization AND g.id <> f.id AND c.id IN f.dataCategories AND {{in-force g $asOf}}
  WITH g, collect(DISTINCT c.id) AS cats
  ORDER BY g.id
  RETURN count(g) AS receivedTotal, collect({id: g.id, sender: g.sender, basis: g.basis, categories: cats})[0..$limit] AS received
}
RETURN f.id AS flow, categories, peopleTotal, coalesce(headcount, 0) AS headcount, coalesce(consentedHeadcount, 0) AS consentedHeadcount,
  people, consentNotices, collectionTotal, collections, derivationTotal, derivations, receivedTotal, received
