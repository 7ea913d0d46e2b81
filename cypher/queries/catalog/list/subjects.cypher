// One page of Subject elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:Subject {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.jobSeeker IS NULL OR coalesce(n.jobSeeker, false) = $filter.jobSeeker)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Subject {map: $map})
  WHERE ($filter.search IS NULL OR toLower(n.name) CONTAINS toLower($filter.search))
    AND ($filter.jobSeeker IS NULL OR coalesce(n.jobSeeker, false) = $filter.jobSeeker)
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
