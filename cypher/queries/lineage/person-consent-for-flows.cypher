// For one people entry and some flows: whether the entry is concerned by each flow (its subject is
// that of a carried category and it uses a system of the sender) and the consents that cover it (to a
// notice of the sender with a provision covering the flow, a COVERS edge written at import; given no
// later than the later of the flow's validFrom and the entry's since). As of a date, consents given
// after it do not exist yet and withdrawals after it have not happened yet.
MATCH (p:People {map: $map, id: $people})
OPTIONAL MATCH (p)-[:GAVE]->(all:Consent)
WITH p, coalesce(p.since, min(all.at)) AS since
UNWIND $flows AS flowId
MATCH (f:Flow {map: $map, id: flowId})
WITH p, since, f,
     EXISTS { MATCH (p)-[:USES]->(:System {operator: f.sender}) } AND
     EXISTS { MATCH (c:DataCategory {map: $map, subject: p.subject}) WHERE c.id IN f.dataCategories } AS concerned
OPTIONAL MATCH (p)-[:GAVE]->(consent:Consent)-[:TO_NOTICE]->(n:Notice {organization: f.sender})
WHERE consent.at <= CASE WHEN f.validFrom IS NOT NULL AND f.validFrom > since THEN f.validFrom ELSE since END
  AND {{happened-by consent.at $asOf}}
  AND EXISTS { (n)-[:HAS_PROVISION]->(:Provision)-[:COVERS]->(f) }
WITH f, concerned, consent
ORDER BY consent.at
RETURN f.id AS flow, concerned,
       [c IN collect(consent) | {
         notice: c.notice, at: c.at,
         withdrawnAt: CASE WHEN {{happened-by c.withdrawnAt $asOf}} THEN c.withdrawnAt END
       }] AS consents
