import { lineCategory, lineSystem, orgCategory, orgSystem } from './kits';
import { World, WorldLine, WorldOrg } from './world';

/** How many ids of each kind a summary suggests for benchmark queries. */
export const SAMPLE_SIZE = 20;

/**
 * Ids worth querying in a generated map, the same for the same scale and seed: hub systems (ad
 * servers, processors' platforms, group data lakes, the busiest job sites' databases and the most
 * applied-to employers) and categories that travel far (applications sent to hundreds of employers,
 * group-wide ids, ad platforms' reports).
 */
export function worldSamples(world: World): { systems: string[]; categories: string[] } {
  const adServers = busiest(world.lines.flatMap((l) => l.adPlatforms));
  const processors = busiest(world.lines.flatMap((l) => l.processors));
  const employers = busiest(world.lines.flatMap((l) => l.employers));
  const groups = [...world.groups].sort((a, b) => b.lines.length - a.lines.length).filter((g) => g.lines.length > 0);
  // Lines whose data goes furthest: to employers first, then to processors, ad platforms and the group lake.
  const reach = (l: WorldLine): number => 1000 * l.employers.length + l.processors.length + l.adPlatforms.length + (l.org.group ? 1 : 0);
  const farLines = [...world.lines].sort((a, b) => reach(b) - reach(a) || a.index - b.index);

  const systems = [
    ...adServers.slice(0, 3).map((o) => orgSystem(o, 'ad-server')),
    ...processors.slice(0, 4).map((o) => orgSystem(o, o.kind === 'itSubsidiary' ? 'infra' : 'platform')),
    ...groups.slice(0, 3).flatMap((g) => [orgSystem(g.holding, 'lake'), orgSystem(g.holding, 'cdp')]),
    ...farLines.slice(0, 4).map((l) => lineSystem(l, 'db')),
    ...employers.slice(0, 3).map((o) => orgSystem(o, 'ats')),
  ];
  const categories = [
    ...farLines.slice(0, 3).flatMap((l) => (['name', 'profile', 'memberId', 'cookie', 'segment'] as const).map((role) => lineCategory(l, role).id)),
    ...groups.slice(0, 3).map((g) => orgCategory(g.holding, 'holding', 'unified-id').id),
    ...adServers.slice(0, 2).map((o) => orgCategory(o, 'adPlatform', 'campaign-report').id),
  ];
  return { systems: systems.slice(0, SAMPLE_SIZE), categories: categories.slice(0, SAMPLE_SIZE) };
}

/** Distinct organizations, most frequent first (ties in plan order). */
function busiest(orgs: WorldOrg[]): WorldOrg[] {
  const counts = new Map<WorldOrg, number>();
  for (const o of orgs) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => (counts.get(b) as number) - (counts.get(a) as number) || a.index - b.index);
}
