// Flows in force from each organization's systems to a system in another country than the
// organization's (GDPR Art. 30(1)(e)), with what the map says of their safeguards: equivalent measures,
// and whether a provision of the sender's notice covering the flow names the country (consent given
// with the country named). Cut at $limit per organization, in flow id order, with the total.
UNWIND $orgs AS orgId
MATCH (o:Organization {map: $map, id: orgId})
CALL (o) {
  MATCH (o)<-[:OPERATED_BY]-(:System)<-[:FROM]-(f:Flow)
  WHERE f.recipientCountry IS NOT NULL AND f.recipientCountry <> o.country AND {{in-force f $asOf}}
  OPTIONAL MATCH (r:Organization {map: $map, id: f.recipient})
  WITH f, r
  ORDER BY f.id
  RETURN count(f) AS total, collect({
    flow: f.id, to: f.to, recipient: f.recipient, recipientName: r.name, recipientNameJa: r.nameJa,
    country: f.recipientCountry, basis: f.basis, equivalentMeasures: coalesce(f.equivalentMeasures, false), categories: f.dataCategories,
    countryNamed: f.basis = 'CONSENT' AND EXISTS {
      MATCH (f)<-[:COVERS]-(pr:Provision)<-[:HAS_PROVISION]-(:Notice {organization: f.sender})
      WHERE f.recipientCountry IN coalesce(pr.countries, [])
    }
  })[0..$limit] AS transfers
}
RETURN o.id AS organization, total, transfers
