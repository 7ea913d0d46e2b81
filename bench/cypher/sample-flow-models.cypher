// Flows between organizations that are always in force, spread over the map: the models for the
// one-flow change sets the change benchmark proposes and applies.
MATCH (f:Flow {map: $map})
WHERE f.crossOrganization AND f.validFrom IS NULL AND f.validTo IS NULL
WITH f ORDER BY f.seq
WITH collect(f)[..$limit] AS flows
UNWIND flows AS f
RETURN f.id AS id, f.from AS from, f.to AS to, f.dataCategories AS dataCategories, coalesce(f.purposes, []) AS purposes
