// One page of Organization elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter. The filter is written once, in
// cypher/fragments/organizations-filter.cypher, for the count and the page alike.
CALL () {
  MATCH (n:Organization {map: $map})
  WHERE {{organizations-filter n $filter}}
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Organization {map: $map})
  WHERE {{organizations-filter n $filter}}
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
