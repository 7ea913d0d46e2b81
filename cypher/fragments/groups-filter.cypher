// groups-filter n filter: the Group n passes the filter of the groups list: a name containing `search` (any
// case) (cypher/queries/catalog/list/groups.cypher). A field of `filter` that is null does not filter.
// args: n filter
(filter.search IS NULL OR toLower(n.name) CONTAINS toLower(filter.search))
