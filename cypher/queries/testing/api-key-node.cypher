// Test only: every property of one ApiKey node, to check what is stored of a key.
MATCH (k:ApiKey {id: $id})
RETURN properties(k) AS props
