// Assets written by an earlier batch as only passed through, that a later entry makes held.
UNWIND $rows AS assetId
MATCH (a:DataAsset {map: $map, id: assetId})
SET a.held = true
