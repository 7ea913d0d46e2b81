-- The lineage graph derived from the map's tables, as a relational team would materialise it for a
-- recursive query: "category C at system S" (assets) and the steps between them (asset_steps), one
-- per category a flow carries and per input-output pair of a derivation. A recursive CTE over this
-- edge list costs one index probe per step instead of re-joining five tables at every level.
-- Keys are added after the inserts, as for the map's tables.
CREATE TABLE assets (
  id integer GENERATED ALWAYS AS IDENTITY,
  system_id text NOT NULL,
  category_id text NOT NULL,
  -- Some collection at the system gathers the category.
  collected boolean NOT NULL,
  -- Some step (a flow or a derivation, whatever its dates) leads to it: fixed by the map, so stored.
  fed boolean NOT NULL
);

-- Every (system, category) the map mentions: collected, sent or received in a flow, used or made by
-- a derivation. Received and made ones are fed (a derivation has at least one input).
INSERT INTO assets (system_id, category_id, collected, fed)
SELECT system_id, category_id, bool_or(collected), bool_or(fed)
FROM (
  SELECT c.system_id, cc.category_id, true AS collected, false AS fed
  FROM collections c JOIN collection_categories cc ON cc.collection_id = c.id
  UNION ALL
  SELECT f.from_system_id, fc.category_id, false, false FROM flows f JOIN flow_categories fc ON fc.flow_id = f.id
  UNION ALL
  SELECT f.to_system_id, fc.category_id, false, true FROM flows f JOIN flow_categories fc ON fc.flow_id = f.id
  UNION ALL
  SELECT d.system_id, i.category_id, false, false FROM derivations d JOIN derivation_inputs i ON i.derivation_id = d.id
  UNION ALL
  SELECT d.system_id, o.category_id, false, true FROM derivations d JOIN derivation_outputs o ON o.derivation_id = d.id
) AS mentions
GROUP BY system_id, category_id;

ALTER TABLE assets ADD PRIMARY KEY (id);
ALTER TABLE assets ADD UNIQUE (category_id, system_id);
ALTER TABLE assets ADD FOREIGN KEY (system_id) REFERENCES systems (id);
ALTER TABLE assets ADD FOREIGN KEY (category_id) REFERENCES data_categories (id);

CREATE TABLE asset_steps (
  from_asset integer NOT NULL,
  to_asset integer NOT NULL,
  flow_id text,
  derivation_id text,
  -- When the flow or derivation exists: [valid_from, valid_to], unbounded where the map gives no bound.
  valid daterange NOT NULL
);

INSERT INTO asset_steps (from_asset, to_asset, flow_id, derivation_id, valid)
SELECT a.id, b.id, f.id, NULL, daterange(f.valid_from, f.valid_to, '[]')
FROM flows f
JOIN flow_categories fc ON fc.flow_id = f.id
JOIN assets a ON a.system_id = f.from_system_id AND a.category_id = fc.category_id
JOIN assets b ON b.system_id = f.to_system_id AND b.category_id = fc.category_id
UNION ALL
SELECT a.id, b.id, NULL, d.id, daterange(d.valid_from, d.valid_to, '[]')
FROM derivations d
JOIN derivation_inputs i ON i.derivation_id = d.id
JOIN derivation_outputs o ON o.derivation_id = d.id
JOIN assets a ON a.system_id = d.system_id AND a.category_id = i.category_id
JOIN assets b ON b.system_id = d.system_id AND b.category_id = o.category_id;

ALTER TABLE asset_steps ADD CHECK ((flow_id IS NULL) <> (derivation_id IS NULL));
ALTER TABLE asset_steps ADD FOREIGN KEY (from_asset) REFERENCES assets (id);
ALTER TABLE asset_steps ADD FOREIGN KEY (to_asset) REFERENCES assets (id);
ALTER TABLE asset_steps ADD FOREIGN KEY (flow_id) REFERENCES flows (id);
ALTER TABLE asset_steps ADD FOREIGN KEY (derivation_id) REFERENCES derivations (id);

-- A step downstream is answered from the index alone; so is "made here by a derivation in force that day".
CREATE INDEX asset_steps_downstream ON asset_steps (from_asset) INCLUDE (to_asset, valid, flow_id);
CREATE INDEX asset_steps_derivation_outputs ON asset_steps (to_asset) INCLUDE (valid) WHERE derivation_id IS NOT NULL;
