// purposes-filter n filter: the Purpose n passes the filter of the purposes list: a name containing `search`
// (any case) (cypher/queries/catalog/list/purposes.cypher). A field of `filter` that is null does not filter.
// args: n filter
(filter.search IS NULL OR toLower(n.name) CONTAINS toLower(filter.search))
