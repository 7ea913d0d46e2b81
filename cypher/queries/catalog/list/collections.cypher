// One page of Collection elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:Collection {map: $map})
  WHERE ($filter.system IS NULL OR n.system = $filter.system)
    AND ($filter.dataCategory IS NULL OR $filter.dataCategory IN n.dataCategories)
    AND ($filter.method IS NULL OR n.method = $filter.method)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Collection {map: $map})
  WHERE ($filter.system IS NULL OR n.system = $filter.system)
    AND ($filter.dataCategory IS NULL OR $filter.dataCategory IN n.dataCategories)
    AND ($filter.method IS NULL OR n.method = $filter.method)
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
