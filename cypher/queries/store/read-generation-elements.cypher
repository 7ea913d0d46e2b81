// Everything an export needs, in the order the map listed it. Data assets are derived, not exported.
MATCH (n:MapElement {map: $map})
WHERE NOT n:DataAsset
RETURN [l IN labels(n) WHERE l <> 'MapElement'][0] AS label, properties(n) AS props
ORDER BY label, n.seq
