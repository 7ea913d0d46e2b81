// One page of Notice elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:Notice {map: $map})
  WHERE ($filter.organization IS NULL OR n.organization = $filter.organization)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Notice {map: $map})
  WHERE ($filter.organization IS NULL OR n.organization = $filter.organization)
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
