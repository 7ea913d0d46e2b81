// Every element also carries the MapElement label, so that a whole map can be found (and removed)
// through one index without touching other maps.
CREATE INDEX map_element_map_idx IF NOT EXISTS FOR (n:MapElement) ON (n.map);
CREATE INDEX flow_map_from_idx IF NOT EXISTS FOR (n:Flow) ON (n.map, n.from);
CREATE INDEX flow_map_to_idx IF NOT EXISTS FOR (n:Flow) ON (n.map, n.to);
CREATE INDEX data_asset_map_category_idx IF NOT EXISTS FOR (n:DataAsset) ON (n.map, n.category);
CREATE INDEX data_asset_map_system_idx IF NOT EXISTS FOR (n:DataAsset) ON (n.map, n.system);
CREATE INDEX map_element_map_id_idx IF NOT EXISTS FOR (n:MapElement) ON (n.map, n.id);
