// systems-filter n filter: the System n passes the filter of the systems list: a name containing `search`
// (any case), run by an operator, located in a country (cypher/queries/catalog/list/systems.cypher). A field
// of `filter` that is null does not filter.
// args: n filter
(filter.search IS NULL OR toLower(n.name) CONTAINS toLower(filter.search))
  AND (filter.operator IS NULL OR n.operator = filter.operator)
  AND (filter.country IS NULL OR n.location = filter.country)
