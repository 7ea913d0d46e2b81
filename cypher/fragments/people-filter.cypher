// people-filter n filter: the People n passes the filter of the people list: of a subject, using a system
// (cypher/queries/catalog/list/people.cypher). A field of `filter` that is null does not filter.
// args: n filter
(filter.subject IS NULL OR n.subject = filter.subject)
  AND (filter.uses IS NULL OR filter.uses IN coalesce(n.uses, []))
