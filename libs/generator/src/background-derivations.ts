import type { Derivation } from '@tadoru/map';
import { lineCategory, LineCategoryRole, lineSystem, orgCategory, orgSystem } from './kits';
import { Random } from './random';
import { World, WorldGroup, WorldLine, WorldOrg } from './world';

/** Lines whose data one run of the group lake's identity resolution combines. */
const LAKE_BATCH = 10;
/** Periods of successive versions of a model; a line's models go back one to three of them. */
const MODEL_VERSIONS: ReadonlyArray<{ validFrom?: string; validTo?: string }> = [{ validTo: '2020-12-31' }, { validFrom: '2021-01-01', validTo: '2022-12-31' }, { validFrom: '2023-01-01' }];

/**
 * The background's derivations: each line's models (scores derived from segments derived from
 * browsing: several steps deep), the per-client work of analytics vendors and ad platforms, and each
 * group lake's identity resolution across the group's services. Their purposes are within what the
 * deriving organization collected the inputs for and states in its notices.
 */
export function* backgroundDerivations(world: World, seed: number): Generator<Derivation> {
  for (const org of world.organizations) {
    for (const line of org.lines) yield* lineDerivations(line, new Random(seed, 'derivations', line.index));
    if (org.kind === 'holding' && org.group) yield* lakeDerivations(org, org.group);
  }
}

function* lineDerivations(line: WorldLine, rng: Random): Generator<Derivation> {
  const org = line.org;
  const system = lineSystem(line, 'analytics');
  const ids = (...roles: LineCategoryRole[]): string[] => roles.map((r) => lineCategory(line, r).id);
  // Models are retrained now and then: each version is a derivation of its own, valid for its period.
  function* model(name: string, inputs: LineCategoryRole[], outputs: LineCategoryRole[], purposes: string[]): Generator<Derivation> {
    const versions = MODEL_VERSIONS.slice(-rng.heavyTail(1, MODEL_VERSIONS.length, 1.2));
    for (const [v, period] of versions.entries()) {
      yield {
        id: versions.length === 1 ? `${system}:${name}` : `${system}:${name}-v${v + 1}`,
        system,
        inputs: ids(...inputs),
        outputs: ids(...outputs),
        purposes,
        ...period,
      };
    }
  }
  // Scores derived from segments derived from browsing: lineage several steps deep.
  yield* model('interest-segmentation', ['cookie', 'browsing'], ['segment'], ['service-improvement']);
  yield* model('propensity-model', ['segment', 'memberId', 'profile', 'browsing'], ['propensity'], org.core);
  yield* model('match-model', ['propensity', 'segment', 'profile', 'browsing'], ['match'], [org.core[0]]);
  yield* model('pseudonymization', ['browsing', 'memberId', 'cookie'], ['pseudo'], ['service-improvement']);
  yield* model('usage-statistics', ['browsing', 'cookie', 'memberId'], ['usage', 'anon'], ['service-improvement']);

  // Processors and ad platforms work on one client's data at a time.
  for (const vendor of line.processors.filter((p) => p.specialty === 'analytics')) {
    const platform = orgSystem(vendor, 'platform');
    yield { id: `${platform}:${line.prefix}-engagement`, system: platform, inputs: ids('memberId', 'browsing', 'cookie'), outputs: ids('engagement'), purposes: ['service-improvement'] };
  }
  for (const adPlatform of line.adPlatforms) {
    const server = orgSystem(adPlatform, 'ad-server');
    yield {
      id: `${server}:${line.prefix}-audience`,
      system: server,
      inputs: [...ids('cookie', 'browsing'), orgCategory(adPlatform, 'adPlatform', 'device-id').id],
      outputs: [orgCategory(adPlatform, 'adPlatform', 'audience-segment').id],
      purposes: ['ad-targeting'],
    };
  }
}

function* lakeDerivations(holding: WorldOrg, group: WorldGroup): Generator<Derivation> {
  if (group.lines.length === 0) return;
  const lake = orgSystem(holding, 'lake');
  const unified = orgCategory(holding, 'holding', 'unified-id').id;
  const segment = orgCategory(holding, 'holding', 'cross-service-segment').id;
  for (let start = 0, batch = 1; start < group.lines.length; start += LAKE_BATCH, batch++) {
    const lines = group.lines.slice(start, start + LAKE_BATCH);
    yield { id: `${lake}:identity-resolution-${batch}`, system: lake, inputs: lines.map((l) => lineCategory(l, 'memberId').id), outputs: [unified], purposes: ['group-services'] };
    yield { id: `${lake}:cross-service-segmentation-${batch}`, system: lake, inputs: [unified, ...lines.map((l) => lineCategory(l, 'propensity').id)], outputs: [segment], purposes: ['group-marketing'] };
  }
  yield { id: `${lake}:lifetime-value-model`, system: lake, inputs: [segment, unified], outputs: [orgCategory(holding, 'holding', 'lifetime-value').id], purposes: ['group-marketing'] };
}
