// The generation's own node, once its elements and findings are gone.
MATCH (g:Generation {key: $key})
DELETE g
RETURN count(*) AS deleted
