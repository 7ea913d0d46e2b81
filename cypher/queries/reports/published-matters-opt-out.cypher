// Each organization's opt-out provisions in force (APPI Art. 27(2)): the flows with basis OPT_OUT from
// its systems (cut at $limit, with the total), the categories they provide, and how the organization
// acquired those categories (the methods and notices of its collections of them), for the items an
// opt-out notice and filing must state (Art. 27(2)(i)-(viii)).
UNWIND $orgs AS orgId
MATCH (o:Organization {map: $map, id: orgId})
CALL (o) {
  MATCH (o)<-[:OPERATED_BY]-(:System)<-[:FROM]-(f:Flow)
  WHERE f.basis = 'OPT_OUT' AND f.crossOrganization AND {{in-force f $asOf}}
  WITH f
  ORDER BY f.id
  RETURN count(f) AS total, [f IN collect(f) | f.id][0..$limit] AS flows,
    reduce(acc = [], ids IN collect(f.dataCategories) | acc + [x IN ids WHERE NOT x IN acc]) AS categories,
    min(f.validFrom) AS firstFrom
}
CALL (o, categories) {
  MATCH (o)<-[:OPERATED_BY]-(:System)-[:HAS_COLLECTION]->(c:Collection)-[:COLLECTS]->(d:DataCategory)
  WHERE d.id IN categories
  WITH DISTINCT c
  ORDER BY c.seq, c.id
  RETURN collect({id: c.id, method: c.method, notice: c.notice})[0..$limit] AS collections
}
RETURN o.id AS organization, total, flows, categories, firstFrom, collections
