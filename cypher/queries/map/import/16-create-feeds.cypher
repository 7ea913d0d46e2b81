// One FEEDS step per category a flow carries, and per input-output pair of a derivation.
UNWIND $rows AS row
MATCH (a:DataAsset {map: $map, id: row.from})
MATCH (b:DataAsset {map: $map, id: row.to})
CREATE (a)-[r:FEEDS]->(b)
SET r.kind = row.kind, r.via = row.via, r.viaSeq = row.viaSeq, r.order = row.order, r.validFrom = row.validFrom, r.validTo = row.validTo
