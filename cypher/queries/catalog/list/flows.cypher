// One page of Flow elements of a map, ordered by id, with the total that match the filter.
// Filters are optional: a null field of $filter does not filter.
CALL () {
  MATCH (n:Flow {map: $map})
  WHERE ($filter.from IS NULL OR n.from = $filter.from)
    AND ($filter.to IS NULL OR n.to = $filter.to)
    AND ($filter.sender IS NULL OR n.sender = $filter.sender)
    AND ($filter.recipient IS NULL OR n.recipient = $filter.recipient)
    AND ($filter.dataCategory IS NULL OR $filter.dataCategory IN n.dataCategories)
    AND ($filter.purpose IS NULL OR $filter.purpose IN coalesce(n.purposes, []))
    AND ($filter.basis IS NULL OR n.basis = $filter.basis)
    AND ($filter.crossOrganization IS NULL OR n.crossOrganization = $filter.crossOrganization)
    AND {{in-force n $filter.asOf}}
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Flow {map: $map})
  WHERE ($filter.from IS NULL OR n.from = $filter.from)
    AND ($filter.to IS NULL OR n.to = $filter.to)
    AND ($filter.sender IS NULL OR n.sender = $filter.sender)
    AND ($filter.recipient IS NULL OR n.recipient = $filter.recipient)
    AND ($filter.dataCategory IS NULL OR $filter.dataCategory IN n.dataCategories)
    AND ($filter.purpose IS NULL OR $filter.purpose IN coalesce(n.purposes, []))
    AND ($filter.basis IS NULL OR n.basis = $filter.basis)
    AND ($filter.crossOrganization IS NULL OR n.crossOrganization = $filter.crossOrganization)
    AND {{in-force n $filter.asOf}}
    AND ($after IS NULL OR n.id > $after)
  WITH n
  ORDER BY n.id
  LIMIT $limit
  RETURN collect(properties(n)) AS page
}
RETURN total, page
