// One page of System elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:System {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.operator IS NULL OR n.operator = $filter.operator)
    AND ($filter.country IS NULL OR n.location = $filter.country)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:System {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.operator IS NULL OR n.operator = $filter.operator)
    AND ($filter.country IS NULL OR n.location = $filter.country)
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
