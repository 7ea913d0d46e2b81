import { backgroundDerivations } from './background-derivations';
import { backgroundFlows } from './background-flows';
import { backgroundCategories, backgroundGroups, backgroundNotices, backgroundOrganizations, backgroundPurposes, backgroundSubjects, backgroundSystems } from './background-skeleton';
import { GraphSize } from './graph-size';
import { planWorld, World } from './world';

/** Graph nodes one service line brings on average with its share of the other parties, before people (measured). */
const NODES_PER_LINE = 215;
/** Share of the background's nodes planned before people, who fill the rest. */
const PLANNED_SHARE = 0.88;
/** The most a calibrated plan may take before people. */
const MAX_PLANNED_SHARE = 0.94;
/** Relationships per node of the people entries that fill a map, with their consents (measured, rounded down). */
const PEOPLE_RELATIONSHIPS_PER_NODE = 2.2;
/** Below this many background nodes, plans are counted before they are used (well under a second each). */
const CALIBRATED_BELOW = 50_000;
/** The busiest lines a small map may get: the number of pipeline jobs per stage is multiplied by at most this. */
const MAX_INTENSITY = 24;
/** Halvings of the intensity range in each search. */
const SEARCH_STEPS = 8;

/**
 * Plans a background of about `nodes` graph nodes with at least `relationships` relationships.
 * Large maps need no more than their lines (a line brings six relationships per node). In small
 * maps the planted scenarios and the parties every map has (an authority, processors, an employer)
 * weigh more: there plans are counted, and lines made busier (more pipeline jobs per stage: the
 * least busy that gives the relationships), with fewer lines when that is what leaves room.
 */
export function planBackground(seed: number, nodes: number, relationships: number): World {
  const estimate = Math.max(1, Math.round((nodes * PLANNED_SHARE) / NODES_PER_LINE));
  if (nodes >= CALIBRATED_BELOW) return planWorld(seed, estimate);
  const limit = nodes * MAX_PLANNED_SHARE;
  const enough = (size: GraphSize): boolean => size.mapRelationships + PEOPLE_RELATIONSHIPS_PER_NODE * (nodes - size.nodes) >= relationships;
  let best: World | undefined;
  // Fewer lines leave more room for busier ones: from the estimate down, the first plan that suffices.
  for (let lines = estimate; lines >= 1; lines--) {
    const plan = (intensity: number): { world: World; size: GraphSize } => {
      const world = planWorld(seed, lines, intensity);
      return { world, size: plannedSize(world, seed) };
    };
    const plain = plan(1);
    if (plain.size.nodes > limit) continue;
    best ??= plain.world;
    if (enough(plain.size)) return plain.world;
    // The busiest plan that fits…
    let busiest = plain;
    let [low, high] = [1, MAX_INTENSITY];
    for (let step = 0; step < SEARCH_STEPS; step++) {
      const candidate = plan((low + high) / 2);
      if (candidate.size.nodes <= limit) [busiest, low] = [candidate, (low + high) / 2];
      else high = (low + high) / 2;
    }
    if (!enough(busiest.size)) continue;
    // …and the least busy one that still has the relationships.
    let chosen = busiest;
    [low, high] = [1, busiest.world.intensity];
    for (let step = 0; step < SEARCH_STEPS; step++) {
      const candidate = plan((low + high) / 2);
      if (candidate.size.nodes <= limit && enough(candidate.size)) [chosen, high] = [candidate, (low + high) / 2];
      else low = (low + high) / 2;
    }
    return chosen.world;
  }
  return best ?? planWorld(seed, 1);
}

/** The nodes and relationships of a plan's sections before people. */
function plannedSize(world: World, seed: number): GraphSize {
  const size = new GraphSize();
  for (const g of backgroundGroups(world)) size.group(g);
  for (const o of backgroundOrganizations(world)) size.organization(o);
  for (const s of backgroundSubjects()) size.subject(s);
  for (const c of backgroundCategories(world)) size.dataCategory(c);
  for (const p of backgroundPurposes()) size.purpose(p);
  for (const n of backgroundNotices(world)) size.notice(n);
  for (const s of backgroundSystems(world)) size.system(s);
  for (const f of backgroundFlows(world, seed)) size.flow(f);
  for (const d of backgroundDerivations(world, seed)) size.derivation(d);
  return size;
}
