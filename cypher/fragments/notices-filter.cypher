// notices-filter n filter: the Notice n passes the filter of the notices list: published by an organization
// (cypher/queries/catalog/list/notices.cypher). A field of `filter` that is null does not filter.
// args: n filter
(filter.organization IS NULL OR n.organization = filter.organization)
