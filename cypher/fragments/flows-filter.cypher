// flows-filter n filter: the Flow n passes the filter of the flows list: between systems, from a sender to a
// recipient, carrying a category, for a purpose, on a basis, crossing organizations or not, in force on
// `asOf` (cypher/queries/catalog/list/flows.cypher). A field of `filter` that is null does not filter.
// args: n filter
(filter.from IS NULL OR n.from = filter.from)
  AND (filter.to IS NULL OR n.to = filter.to)
  AND (filter.sender IS NULL OR n.sender = filter.sender)
  AND (filter.recipient IS NULL OR n.recipient = filter.recipient)
  AND (filter.dataCategory IS NULL OR filter.dataCategory IN n.dataCategories)
  AND (filter.purpose IS NULL OR filter.purpose IN coalesce(n.purposes, []))
  AND (filter.basis IS NULL OR n.basis = filter.basis)
  AND (filter.crossOrganization IS NULL OR n.crossOrganization = filter.crossOrganization)
  AND {{in-force n filter.asOf}}
