-- Keys and foreign keys after the bulk load; an index on every referencing column that a join or a
-- delete would search by (the link tables' keys already lead with their owner's id).
ALTER TABLE organizations ADD PRIMARY KEY (id);
ALTER TABLE systems ADD PRIMARY KEY (id);
ALTER TABLE data_categories ADD PRIMARY KEY (id);
ALTER TABLE purposes ADD PRIMARY KEY (id);
ALTER TABLE collections ADD PRIMARY KEY (id);
ALTER TABLE collection_categories ADD PRIMARY KEY (collection_id, category_id);
ALTER TABLE flows ADD PRIMARY KEY (id);
ALTER TABLE flow_categories ADD PRIMARY KEY (flow_id, category_id);
ALTER TABLE flow_purposes ADD PRIMARY KEY (flow_id, purpose_id);
ALTER TABLE derivations ADD PRIMARY KEY (id);
ALTER TABLE derivation_inputs ADD PRIMARY KEY (derivation_id, category_id);
ALTER TABLE derivation_outputs ADD PRIMARY KEY (derivation_id, category_id);

ALTER TABLE systems ADD FOREIGN KEY (operator_id) REFERENCES organizations (id);
ALTER TABLE collections ADD FOREIGN KEY (system_id) REFERENCES systems (id);
ALTER TABLE collection_categories ADD FOREIGN KEY (collection_id) REFERENCES collections (id);
ALTER TABLE collection_categories ADD FOREIGN KEY (category_id) REFERENCES data_categories (id);
ALTER TABLE flows ADD FOREIGN KEY (from_system_id) REFERENCES systems (id);
ALTER TABLE flows ADD FOREIGN KEY (to_system_id) REFERENCES systems (id);
ALTER TABLE flows ADD CHECK (valid_to >= valid_from);
ALTER TABLE flow_categories ADD FOREIGN KEY (flow_id) REFERENCES flows (id);
ALTER TABLE flow_categories ADD FOREIGN KEY (category_id) REFERENCES data_categories (id);
ALTER TABLE flow_purposes ADD FOREIGN KEY (flow_id) REFERENCES flows (id);
ALTER TABLE flow_purposes ADD FOREIGN KEY (purpose_id) REFERENCES purposes (id);
ALTER TABLE derivations ADD FOREIGN KEY (system_id) REFERENCES systems (id);
ALTER TABLE derivations ADD CHECK (valid_to >= valid_from);
ALTER TABLE derivation_inputs ADD FOREIGN KEY (derivation_id) REFERENCES derivations (id);
ALTER TABLE derivation_inputs ADD FOREIGN KEY (category_id) REFERENCES data_categories (id);
ALTER TABLE derivation_outputs ADD FOREIGN KEY (derivation_id) REFERENCES derivations (id);
ALTER TABLE derivation_outputs ADD FOREIGN KEY (category_id) REFERENCES data_categories (id);

CREATE INDEX ON systems (operator_id);
CREATE INDEX ON collections (system_id);
CREATE INDEX ON collection_categories (category_id);
CREATE INDEX ON flows (from_system_id);
CREATE INDEX ON flows (to_system_id);
CREATE INDEX ON flow_categories (category_id);
CREATE INDEX ON flow_purposes (purpose_id);
CREATE INDEX ON derivations (system_id);
CREATE INDEX ON derivation_inputs (category_id);
CREATE INDEX ON derivation_outputs (category_id);
