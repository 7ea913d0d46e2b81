// Element states written ahead of a record that never came to be (its write failed): not history.
MATCH (c:HistoryChunk {recordId: $recordId})
WHERE NOT EXISTS { MATCH (:ChangeRecord {id: $recordId}) }
DELETE c
