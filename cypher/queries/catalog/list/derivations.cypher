// One page of Derivation elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:Derivation {map: $map})
  WHERE ($filter.system IS NULL OR n.system = $filter.system)
    AND ($filter.input IS NULL OR $filter.input IN n.inputs)
    AND ($filter.output IS NULL OR $filter.output IN n.outputs)
    AND {{in-force n $filter.asOf}}
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Derivation {map: $map})
  WHERE ($filter.system IS NULL OR n.system = $filter.system)
    AND ($filter.input IS NULL OR $filter.input IN n.inputs)
    AND ($filter.output IS NULL OR $filter.output IN n.outputs)
    AND {{in-force n $filter.asOf}}
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
