// Every element of a data map is identified by the map's name and its id in the map.
// Several maps share one database (Community has one user database), so ids are unique per map.
CREATE CONSTRAINT data_map_name_unique IF NOT EXISTS FOR (m:DataMap) REQUIRE m.name IS UNIQUE;
CREATE CONSTRAINT group_map_id_unique IF NOT EXISTS FOR (n:Group) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT organization_map_id_unique IF NOT EXISTS FOR (n:Organization) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT subject_map_id_unique IF NOT EXISTS FOR (n:Subject) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT data_category_map_id_unique IF NOT EXISTS FOR (n:DataCategory) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT purpose_map_id_unique IF NOT EXISTS FOR (n:Purpose) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT notice_map_id_unique IF NOT EXISTS FOR (n:Notice) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT provision_map_id_unique IF NOT EXISTS FOR (n:Provision) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT shared_use_map_id_unique IF NOT EXISTS FOR (n:SharedUse) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT system_map_id_unique IF NOT EXISTS FOR (n:System) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT collection_map_id_unique IF NOT EXISTS FOR (n:Collection) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT flow_map_id_unique IF NOT EXISTS FOR (n:Flow) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT derivation_map_id_unique IF NOT EXISTS FOR (n:Derivation) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT people_map_id_unique IF NOT EXISTS FOR (n:People) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT consent_map_id_unique IF NOT EXISTS FOR (n:Consent) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT data_asset_map_id_unique IF NOT EXISTS FOR (n:DataAsset) REQUIRE (n.map, n.id) IS UNIQUE;
CREATE CONSTRAINT migration_version_unique IF NOT EXISTS FOR (m:__TadoruMigration) REQUIRE m.version IS UNIQUE;
