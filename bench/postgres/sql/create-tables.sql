-- The data map as a relational team would model it: one table per element, one per list. Keys,
-- foreign keys and indexes are added after the bulk load (add-constraints.sql), which is faster
-- than maintaining them row by row.
CREATE TABLE organizations (
  id text NOT NULL,
  name text NOT NULL,
  country text NOT NULL
);
CREATE TABLE systems (
  id text NOT NULL,
  name text NOT NULL,
  operator_id text NOT NULL,
  -- Where it runs when the map says so (otherwise the operator's country).
  country text
);
CREATE TABLE data_categories (
  id text NOT NULL,
  name text NOT NULL,
  class text NOT NULL
);
CREATE TABLE purposes (
  id text NOT NULL,
  name text NOT NULL
);
CREATE TABLE collections (
  id text NOT NULL,
  system_id text NOT NULL,
  method text
);
CREATE TABLE collection_categories (
  collection_id text NOT NULL,
  category_id text NOT NULL
);
CREATE TABLE flows (
  id text NOT NULL,
  from_system_id text NOT NULL,
  to_system_id text NOT NULL,
  basis text NOT NULL,
  -- Inclusive bounds; NULL: open.
  valid_from date,
  valid_to date
);
CREATE TABLE flow_categories (
  flow_id text NOT NULL,
  category_id text NOT NULL
);
CREATE TABLE flow_purposes (
  flow_id text NOT NULL,
  purpose_id text NOT NULL
);
CREATE TABLE derivations (
  id text NOT NULL,
  system_id text NOT NULL,
  valid_from date,
  valid_to date
);
CREATE TABLE derivation_inputs (
  derivation_id text NOT NULL,
  category_id text NOT NULL
);
CREATE TABLE derivation_outputs (
  derivation_id text NOT NULL,
  category_id text NOT NULL
);
