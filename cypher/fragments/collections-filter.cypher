// collections-filter n filter: the Collection n passes the filter of the collections list: in a system,
// gathering a category, by a method (cypher/queries/catalog/list/collections.cypher). A field of `filter`
// that is null does not filter.
// args: n filter
(filter.system IS NULL OR n.system = filter.system)
  AND (filter.dataCategory IS NULL OR filter.dataCategory IN n.dataCategories)
  AND (filter.method IS NULL OR n.method = filter.method)
