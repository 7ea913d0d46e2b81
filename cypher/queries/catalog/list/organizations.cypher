// One page of Organization elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:Organization {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.role IS NULL OR $filter.role IN n.roles)
    AND ($filter.country IS NULL OR n.country = $filter.country)
    AND ($filter.group IS NULL OR n.group = $filter.group)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Organization {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.role IS NULL OR $filter.role IN n.roles)
    AND ($filter.country IS NULL OR n.country = $filter.country)
    AND ($filter.group IS NULL OR n.group = $filter.group)
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
