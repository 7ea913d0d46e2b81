// One page of the organizations that operate at least one system, ordered by id, with how many there
// are: the controllers a record of processing activities (GDPR Art. 30) and the matters to publish on
// retained personal data (APPI Art. 32) are drafted for.
CALL () {
  MATCH (o:Organization {map: $map})
  WHERE EXISTS { (o)<-[:OPERATED_BY]-(:System) }
  RETURN count(o) AS total
}
CALL () {
  MATCH (o:Organization {map: $map})
  WHERE ($after IS NULL OR o.id > $after)
    AND EXISTS { (o)<-[:OPERATED_BY]-(:System) }
  WITH o
  ORDER BY o.id
  LIMIT $limit
  RETURN collect(properties(o)) AS page
}
RETURN total, page
