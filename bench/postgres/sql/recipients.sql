-- Who receives data category $1 (or data derived from it), at which system, by which flow, for what
-- purpose: one row per purpose of the flow (purpose NULL when it states none). $2: as of that date
-- only flows and derivations in force that day are followed (NULL: all). $3: at most that many steps
-- from where the category originates. $4: also list flows between systems of one organization.
WITH RECURSIVE
-- Where the category's lineage begins: collected there, fed by no step at all (whatever its dates),
-- or output there by a derivation in force that day.
origins AS (
  SELECT a.id
  FROM assets a
  WHERE a.category_id = $1
    AND (a.collected
      OR NOT a.fed
      OR EXISTS (SELECT 1 FROM asset_steps s WHERE s.to_asset = a.id AND s.derivation_id IS NOT NULL AND ($2::date IS NULL OR s.valid @> $2::date)))
),
-- Breadth-first, only as far as the assets whose outgoing steps are still within $3 steps of an
-- origin. UNION drops repeated (asset, depth) pairs, so diamonds and cycles cost at most one row
-- per asset and depth, never one per path.
reached (asset_id, depth) AS (
  SELECT id, 0 FROM origins
  UNION
  SELECT step.to_asset, r.depth + 1
  FROM reached r
  CROSS JOIN LATERAL (
    SELECT s.to_asset
    FROM asset_steps s
    WHERE s.from_asset = r.asset_id
      AND ($2::date IS NULL OR s.valid @> $2::date)
    -- OFFSET 0 keeps this an index probe per frontier row: the planner cannot size the frontier of a
    -- recursive term and would otherwise hash the whole step table on every question.
    OFFSET 0
  ) AS step
  WHERE r.depth + 1 < $3::integer
),
sending AS (
  SELECT DISTINCT asset_id FROM reached
)
SELECT recipient.operator_id AS organization,
       f.to_system_id AS system,
       received.category_id AS category,
       f.id AS flow,
       fp.purpose_id AS purpose
FROM sending
JOIN asset_steps s ON s.from_asset = sending.asset_id AND s.flow_id IS NOT NULL
JOIN assets received ON received.id = s.to_asset
JOIN flows f ON f.id = s.flow_id
JOIN systems sender ON sender.id = f.from_system_id
JOIN systems recipient ON recipient.id = f.to_system_id
LEFT JOIN flow_purposes fp ON fp.flow_id = f.id
WHERE ($2::date IS NULL OR s.valid @> $2::date)
  AND ($4::boolean OR sender.operator_id <> recipient.operator_id)
