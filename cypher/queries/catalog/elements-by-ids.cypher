// Batch lookup behind the API's DataLoaders: one query for a whole page of references.
// params: $map, $label (a fixed label chosen by the repository, never user input), $ids
UNWIND $ids AS id
MATCH (n:MapElement {map: $map, id: id})
WHERE $label IN labels(n)
RETURN id, properties(n) AS item
