// The purposes each organization pursues, with the elements that state them: the collections of its
// systems, the flows from or to its systems and the derivations in its systems (in force on $asOf), and
// the notices it published by then. $sources picks which kinds count ('collection', 'flow', 'derivation',
// 'notice'): the record of processing activities counts what is done, the published matters what is
// collected and announced. Each purpose's sources are cut at $limit, with their total beside them.
UNWIND $orgs AS orgId
MATCH (o:Organization {map: $map, id: orgId})
CALL (o) {
  CALL (o) {
    MATCH (o)<-[:OPERATED_BY]-(:System)-[:HAS_COLLECTION]->(c:Collection)-[:FOR_PURPOSE]->(p:Purpose)
    WHERE 'collection' IN $sources
    RETURN p, 'collection' AS kind, c.id AS id
    UNION
    MATCH (o)<-[:OPERATED_BY]-(:System)<-[:FROM|TO]-(f:Flow)-[:FOR_PURPOSE]->(p:Purpose)
    WHERE 'flow' IN $sources AND {{in-force f $asOf}}
    RETURN p, 'flow' AS kind, f.id AS id
    UNION
    MATCH (o)<-[:OPERATED_BY]-(:System)<-[:IN_SYSTEM]-(d:Derivation)-[:FOR_PURPOSE]->(p:Purpose)
    WHERE 'derivation' IN $sources AND {{in-force d $asOf}}
    RETURN p, 'derivation' AS kind, d.id AS id
    UNION
    MATCH (o)<-[:PUBLISHED_BY]-(n:Notice)-[:STATES]->(p:Purpose)
    WHERE 'notice' IN $sources AND {{happened-by n.publishedAt $asOf}}
    RETURN p, 'notice' AS kind, n.id AS id
  }
  WITH p, kind, id
  ORDER BY kind, id
  WITH p, collect({kind: kind, id: id}) AS sources
  ORDER BY p.seq, p.id
  RETURN collect({id: p.id, name: p.name, sources: sources[0..$limit], sourceTotal: size(sources)}) AS purposes
}
RETURN o.id AS organization, purposes
