// Flows between organizations that are always in force, spread over the map: the models for the
// flow the benchmark adds before re-evaluating the rules.
MATCH (f:Flow {map: $map})
WHERE f.crossOrganization AND f.validFrom IS NULL AND f.validTo IS NULL
WITH f ORDER BY f.seq
WITH collect(f)[..$limit] AS flows
UNWIND flows AS f
RETURN properties(f) AS flow
