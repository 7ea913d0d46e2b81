// Removes the COVERS edges of the flows of this batch, so that 18-create-covers derives them afresh (a
// flow changed in place may cover other provisions now). A statement of its own: a delete in the
// statement that reads the flows' edges would need an Eager.
UNWIND $rows AS row
MATCH (:Provision)-[old:COVERS]->(:Flow {map: $map, id: row.id})
DELETE old
