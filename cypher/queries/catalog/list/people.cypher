// One page of People elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:People {map: $map})
  WHERE ($filter.subject IS NULL OR n.subject = $filter.subject)
    AND ($filter.uses IS NULL OR $filter.uses IN coalesce(n.uses, []))
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:People {map: $map})
  WHERE ($filter.subject IS NULL OR n.subject = $filter.subject)
    AND ($filter.uses IS NULL OR $filter.uses IN coalesce(n.uses, []))
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
