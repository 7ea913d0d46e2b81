// One page of Flow elements of a map, ordered by id, with the total that match the filter
// (0 when $countTotal is false).
// Filters are optional: a null field of $filter does not filter. The filter is written once, in
// cypher/fragments/flows-filter.cypher, for the count and the page alike.
CALL () {
  // Not counted when the caller reads page after page and needs no total (a report of a large map).
  UNWIND CASE WHEN $countTotal THEN [true] ELSE [] END AS counting
  MATCH (n:Flow {map: $map})
  WHERE {{flows-filter n $filter}}
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Flow {map: $map})
  WHERE {{flows-filter n $filter}}
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
