// organizations-filter n filter: the Organization n passes the filter of the organizations list: a name
// containing `search` (any case), with a role, in a country, in a group
// (cypher/queries/catalog/list/organizations.cypher). A field of `filter` that is null does not filter.
// args: n filter
(filter.search IS NULL OR toLower(n.name) CONTAINS toLower(filter.search))
  AND (filter.role IS NULL OR filter.role IN n.roles)
  AND (filter.country IS NULL OR n.country = filter.country)
  AND (filter.group IS NULL OR n.group = filter.group)
