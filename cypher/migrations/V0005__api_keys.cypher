// API keys. A key is stored only as its keyed hash (HMAC-SHA256 with the server secret) and a short
// non-secret prefix to find it by; `activeName` is the key's name while it is not revoked (removed
// on revocation), so that a name is unique among unrevoked keys and can be used again afterwards.
CREATE CONSTRAINT api_key_id_unique IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT api_key_hash_unique IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;
CREATE CONSTRAINT api_key_active_name_unique IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.activeName IS UNIQUE;
CREATE INDEX api_key_prefix_idx IF NOT EXISTS FOR (k:ApiKey) ON (k.prefix);
