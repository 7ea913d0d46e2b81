// derivations-filter n filter: the Derivation n passes the filter of the derivations list: in a system, with
// an input, with an output, in force on `asOf` (cypher/queries/catalog/list/derivations.cypher). A field of
// `filter` that is null does not filter.
// args: n filter
(filter.system IS NULL OR n.system = filter.system)
  AND (filter.input IS NULL OR filter.input IN n.inputs)
  AND (filter.output IS NULL OR filter.output IN n.outputs)
  AND {{in-force n filter.asOf}}
