// The organizations each organization's flows in force go to (GDPR Art. 30(1)(d)): per recipient, its
// roles and country, the flows (cut at $limit, with the total), their bases and purposes, in id order.
UNWIND $orgs AS orgId
MATCH (o:Organization {map: $map, id: orgId})
CALL (o) {
  MATCH (o)<-[:OPERATED_BY]-(:System)<-[:FROM]-(f:Flow)
  WHERE f.crossOrganization AND {{in-force f $asOf}}
  WITH f
  ORDER BY f.id
  WITH f.recipient AS recipientId, collect(f) AS flows
  OPTIONAL MATCH (r:Organization {map: $map, id: recipientId})
  WITH recipientId, r, flows
  ORDER BY recipientId
  RETURN collect({
    id: recipientId, name: r.name, nameJa: r.nameJa, country: r.country, roles: coalesce(r.roles, []),
    flows: [f IN flows | f.id][0..$limit], flowTotal: size(flows),
    bases: reduce(acc = [], f IN flows | CASE WHEN f.basis IN acc THEN acc ELSE acc + f.basis END),
    purposes: reduce(acc = [], f IN flows | acc + [x IN coalesce(f.purposes, []) WHERE NOT x IN acc])
  }) AS recipients
}
RETURN o.id AS organization, recipients
