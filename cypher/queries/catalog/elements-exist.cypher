// Which of the elements a question names exist in the map: one statement for all of them.
// params: $map, $refs (each {label, id}; labels are fixed ones chosen by the caller, never user input)
UNWIND $refs AS ref
OPTIONAL MATCH (n:MapElement {map: $map, id: ref.id})
WHERE ref.label IN labels(n)
RETURN ref.label AS label, ref.id AS id, n IS NOT NULL AS found
