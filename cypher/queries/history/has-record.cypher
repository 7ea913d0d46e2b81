// Whether a map's version has its history record (versions written before tadoru kept history have none).
RETURN EXISTS { MATCH (:ChangeRecord {mapName: $map, version: $version}) } AS recorded
