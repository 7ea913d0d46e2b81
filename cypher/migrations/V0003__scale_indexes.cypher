// Lookups by organization, which rule queries, scoped re-evaluation and bulk maps need at scale.
CREATE INDEX flow_map_sender_idx IF NOT EXISTS FOR (n:Flow) ON (n.map, n.sender);
CREATE INDEX flow_map_recipient_idx IF NOT EXISTS FOR (n:Flow) ON (n.map, n.recipient);
CREATE INDEX derivation_map_organization_idx IF NOT EXISTS FOR (n:Derivation) ON (n.map, n.organization);
CREATE INDEX system_map_operator_idx IF NOT EXISTS FOR (n:System) ON (n.map, n.operator);
CREATE INDEX notice_map_organization_idx IF NOT EXISTS FOR (n:Notice) ON (n.map, n.organization);
