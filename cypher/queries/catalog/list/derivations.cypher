// One page of Derivation elements of a map, ordered by id, with the total that match the filter
// (0 when $countTotal is false).
// Filters are optional: a null field of $filter does not filter. The filter is written once, in
// cypher/fragments/derivations-filter.cypher, for the count and the page alike.
CALL () {
  // Not counted when the caller reads page after page and needs no total (a report of a large map).
  UNWIND CASE WHEN $countTotal THEN [true] ELSE [] END AS counting
  MATCH (n:Derivation {map: $map})
  WHERE {{derivations-filter n $filter}}
  RETURN count(n) AS total
}
CALL () {
  // Read in the order of the (map, id) index from just after the cursor, so a page costs its own
  // rows, not a scan and sort of the whole kind ('' sorts before every id; ids are never empty).
  MATCH (n:Derivation {map: $map})
  USING INDEX n:Derivation(map, id)
  WHERE n.id > coalesce($after, '')
    AND {{derivations-filter n $filter}}
  WITH n
  ORDER BY n.map, n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
