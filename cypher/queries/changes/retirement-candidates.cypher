// The stored flows and derivations a change retires, as map entries (for the history's "before")
// and for the check that the retirement date is not before they began.
CALL () {
  UNWIND $flowIds AS id
  MATCH (n:Flow {map: $map, id: id})
  RETURN 'Flow' AS label, n
  UNION
  UNWIND $derivationIds AS id
  MATCH (n:Derivation {map: $map, id: id})
  RETURN 'Derivation' AS label, n
}
RETURN label, properties(n) AS props
