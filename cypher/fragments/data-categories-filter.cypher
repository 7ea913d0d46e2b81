// data-categories-filter n filter: the DataCategory n passes the filter of the data categories list: a name
// containing `search` (any case), of a subject, of a class, profiling or not, a link key or not
// (cypher/queries/catalog/list/data-categories.cypher). A field of `filter` that is null does not filter.
// args: n filter
(filter.search IS NULL OR toLower(n.name) CONTAINS toLower(filter.search))
  AND (filter.subject IS NULL OR n.subject = filter.subject)
  AND (filter.class IS NULL OR n.class = filter.class)
  AND (filter.profiling IS NULL OR coalesce(n.profiling, false) = filter.profiling)
  AND (filter.linkKey IS NULL OR coalesce(n.linkKey, false) = filter.linkKey)
