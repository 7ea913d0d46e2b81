// subjects-filter n filter: the Subject n passes the filter of the subjects list: a name containing `search`
// (any case), job seekers or not (cypher/queries/catalog/list/subjects.cypher). A field of `filter` that is
// null does not filter.
// args: n filter
(filter.search IS NULL OR toLower(n.name) CONTAINS toLower(filter.search))
  AND (filter.jobSeeker IS NULL OR coalesce(n.jobSeeker, false) = filter.jobSeeker)
