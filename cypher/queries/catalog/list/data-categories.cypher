// One page of DataCategory elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:DataCategory {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.subject IS NULL OR n.subject = $filter.subject)
    AND ($filter.class IS NULL OR n.class = $filter.class)
    AND ($filter.profiling IS NULL OR coalesce(n.profiling, false) = $filter.profiling)
    AND ($filter.linkKey IS NULL OR coalesce(n.linkKey, false) = $filter.linkKey)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:DataCategory {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.subject IS NULL OR n.subject = $filter.subject)
    AND ($filter.class IS NULL OR n.class = $filter.class)
    AND ($filter.profiling IS NULL OR coalesce(n.profiling, false) = $filter.profiling)
    AND ($filter.linkKey IS NULL OR coalesce(n.linkKey, false) = $filter.linkKey)
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
