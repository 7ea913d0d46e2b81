// One page of Purpose elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:Purpose {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Purpose {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
