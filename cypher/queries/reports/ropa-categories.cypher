// The data categories each organization holds on $asOf, with their data subjects: collected by its
// systems, received by flows in force into its systems, or output by derivations in force in its
// systems (data-map.md "holds", read as of a date). Cut at $limit per organization, with the total.
UNWIND $orgs AS orgId
MATCH (o:Organization {map: $map, id: orgId})
CALL (o) {
  CALL (o) {
    MATCH (o)<-[:OPERATED_BY]-(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(c:DataCategory)
    RETURN c
    UNION
    MATCH (o)<-[:OPERATED_BY]-(:System)<-[:TO]-(f:Flow)-[:CARRIES]->(c:DataCategory)
    WHERE {{in-force f $asOf}}
    RETURN c
    UNION
    MATCH (o)<-[:OPERATED_BY]-(:System)<-[:IN_SYSTEM]-(d:Derivation)-[:OUTPUT]->(c:DataCategory)
    WHERE {{in-force d $asOf}}
    RETURN c
  }
  OPTIONAL MATCH (s:Subject {map: $map, id: c.subject})
  WITH c, s
  ORDER BY s.seq, s.id, c.seq, c.id
  RETURN count(c) AS total,
    collect({id: c.id, name: c.name, class: c.class, profiling: coalesce(c.profiling, false), subject: c.subject, subjectName: s.name, jobSeeker: coalesce(s.jobSeeker, false)})[0..$limit] AS categories
}
RETURN o.id AS organization, total, categories
