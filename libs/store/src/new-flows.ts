import { InvalidInputError, Problem } from '@tadoru/common';
import { MapSession } from '@tadoru/graph';
import { assetId, emptyGraphRows, Flow, GraphRowBuilder, MapValidator } from '@tadoru/map';
import { writeGraphRowsIn } from './generation.repository';

/** Signals, inside an in-place transaction, that a change needs the whole-map path (an upsert replaces a stored flow). */
export class NeedsWholeRewrite extends Error {}

/** What `store/existing-flow-references` finds of the ids new flows use. */
interface KnownReferences {
  existingFlows: string[];
  systems: Array<{ id: string; operator: string; location: string | null }>;
  categories: string[];
  purposes: string[];
  notices: string[];
  assets: Array<{ id: string; system: string; category: string; held: boolean }>;
}

/**
 * Writes flows that are new to the version `s` writes, with their lineage steps; every reference
 * checked against what is stored, problems named under `path` (`upsert.flows[0].to`).
 */
export async function writeNewFlows(s: MapSession, flows: Flow[], nextSeqs: Record<string, number>, path: string, replacementIsError = false): Promise<Record<string, number>> {
  const touched = flows.flatMap((f) => f.dataCategories.flatMap((c) => [assetId(f.from, c), assetId(f.to, c)]));
  const [row] = await s.run('store/existing-flow-references', referenceParams(flows, touched));
  const known = row as unknown as KnownReferences;
  if (known.existingFlows.length > 0 && !replacementIsError) throw new NeedsWholeRewrite();
  checkNewFlows(flows, known, path);
  const systems = new Map(known.systems.map((x) => [x.id, x]));
  const builder = new GraphRowBuilder(
    { operatorOf: (id) => systems.get(id)?.operator, locationOf: (id) => systems.get(id)?.location ?? undefined },
    { nextSeqs, assets: known.assets },
  );
  const rows = emptyGraphRows();
  for (const flow of flows) builder.add('flows', flow, rows);
  await writeGraphRowsIn(s, rows);
  return builder.nextSeqs();
}

/** The flows' own shape (the map format's rules for a flow entry), that their ids are new, and that what they refer to exists. */
function checkNewFlows(flows: Flow[], known: KnownReferences, path: string): void {
  const validator = new MapValidator(false, 'shapes');
  flows.forEach((flow, i) => validator.element(undefined, 'flows', i, flow));
  const problems: Problem[] = validator.allProblems().map((p) => ({ ...p, path: p.path.replace(/^flows/, path) }));
  if (problems.length > 0) throw new InvalidInputError(problems);
  const systems = new Set(known.systems.map((x) => x.id));
  flows.forEach((f, i) => {
    const at = `${path}[${i}]`;
    if (known.existingFlows.includes(f.id)) problems.push({ path: `${at}.id`, message: `the map already has a flow "${f.id}"` });
    for (const [field, id] of [['from', f.from], ['to', f.to]] as const) if (!systems.has(id)) problems.push({ path: `${at}.${field}`, message: `unknown system "${id}"` });
    f.dataCategories.forEach((c, j) => {
      if (!known.categories.includes(c)) problems.push({ path: `${at}.dataCategories[${j}]`, message: `unknown data category "${c}"` });
    });
    (f.purposes ?? []).forEach((p, j) => {
      if (!known.purposes.includes(p)) problems.push({ path: `${at}.purposes[${j}]`, message: `unknown purpose "${p}"` });
    });
    if (f.notice && !known.notices.includes(f.notice)) problems.push({ path: `${at}.notice`, message: `unknown notice "${f.notice}"` });
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
}

function referenceParams(flows: Flow[], assetIds: string[]) {
  return {
    flowIds: flows.map((f) => f.id),
    systemIds: [...new Set(flows.flatMap((f) => [f.from, f.to]))],
    categoryIds: [...new Set(flows.flatMap((f) => f.dataCategories))],
    purposeIds: [...new Set(flows.flatMap((f) => f.purposes ?? []))],
    noticeIds: [...new Set(flows.flatMap((f) => (f.notice ? [f.notice] : [])))],
    assetIds: [...new Set(assetIds)],
  };
}

