import { Injectable } from '@nestjs/common';
import { int, MapSession, MapSnapshot, Neo4jService, QueryRunner } from '@tadoru/graph';
import { MapGraphRows } from '@tadoru/map';

export interface StoredElement {
  label: string;
  props: Record<string, unknown>;
}

/** Only an in-place change can meet COVERS edges of a flow written before. */
const CLEAR_COVERS = 'map/import/18-clear-covers';

/**
 * The order matters: each step links only to elements created by an earlier one. A section's nodes
 * and its links are separate statements (`create`, then `link`) so that neither needs an Eager (see
 * the files); links of one section still go in the row order they always did.
 */
const CREATE_STEPS: ReadonlyArray<[string, keyof MapGraphRows]> = [
  ['map/import/01-create-groups', 'groups'],
  ['map/import/02-create-organizations', 'organizations'],
  ['map/import/02-link-organizations', 'organizations'],
  ['map/import/03-create-subjects', 'subjects'],
  ['map/import/04-create-data-categories', 'dataCategories'],
  ['map/import/04-link-data-categories', 'dataCategories'],
  ['map/import/05-create-purposes', 'purposes'],
  ['map/import/06-create-notices', 'notices'],
  ['map/import/06-link-notices', 'notices'],
  ['map/import/07-create-provisions', 'provisions'],
  ['map/import/07-link-provisions', 'provisions'],
  ['map/import/08-create-shared-uses', 'sharedUses'],
  ['map/import/08-link-shared-uses', 'sharedUses'],
  ['map/import/09-create-systems', 'systems'],
  ['map/import/09-link-systems', 'systems'],
  ['map/import/10-create-collections', 'collections'],
  ['map/import/10-link-collections', 'collections'],
  ['map/import/11-create-flows', 'flows'],
  ['map/import/11-link-flows', 'flows'],
  ['map/import/12-create-derivations', 'derivations'],
  ['map/import/12-link-derivations', 'derivations'],
  ['map/import/13-create-people', 'people'],
  ['map/import/13-link-people', 'people'],
  ['map/import/14-create-consents', 'consents'],
  ['map/import/14-link-consents', 'consents'],
  ['map/import/15-create-data-assets', 'dataAssets'],
  ['map/import/15-link-data-assets', 'dataAssets'],
  ['map/import/16-create-feeds', 'feeds'],
  ['map/import/17-mark-assets-held', 'heldAssets'],
  // After the flows (and the notices, provisions and organizations they refer to): which provisions cover them.
  [CLEAR_COVERS, 'flows'],
  ['map/import/18-create-covers', 'flows'],
];

/**
 * Rows per statement: bounds the size of one UNWIND without changing the transaction. Larger
 * statements mean fewer round trips and plans looked up; the transaction's size is what costs memory.
 */
const BATCH = 10_000;

/**
 * Writes rows with one statement per step and slice of BATCH rows, in the transaction of `q`; `map`
 * is the key of a new generation. Each flow is written to it once, so no flow has COVERS edges to
 * remove yet, and that step is left out: it expands the edges of every flow just written, which
 * made it one of the slowest steps of a large import.
 */
export async function writeGraphRows(q: QueryRunner, map: string, rows: MapGraphRows): Promise<void> {
  await writeRows((key, params) => q.run(key, { ...params, map }), rows, CREATE_STEPS.filter(([key]) => key !== CLEAR_COVERS));
}

/** `writeGraphRows` in a session pinned to the generation being written (an in-place change), all steps. */
export async function writeGraphRowsIn(s: MapSession, rows: MapGraphRows): Promise<void> {
  await writeRows((key, params) => s.run(key, params), rows, CREATE_STEPS);
}

async function writeRows(run: (key: string, params: { rows: unknown[] }) => Promise<unknown>, rows: MapGraphRows, steps: typeof CREATE_STEPS): Promise<void> {
  for (const [key, section] of steps) {
    const sectionRows = rows[section] as unknown[];
    for (let i = 0; i < sectionRows.length; i += BATCH) {
      await run(key, { rows: sectionRows.slice(i, i + BATCH) });
    }
  }
}

/**
 * Cuts rows into parts of at most `perPart` rows, each a unit of work of a batched write. Parts keep
 * the steps' order, so every row still links only to what an earlier part (or row) created.
 */
export function sliceGraphRows(rows: MapGraphRows, perPart: number): MapGraphRows[] {
  const parts: MapGraphRows[] = [];
  let part: Partial<Record<keyof MapGraphRows, unknown[]>> = {};
  let size = 0;
  // a section some steps share (flows: created, then their covers) is cut once
  for (const section of new Set(CREATE_STEPS.map(([, s]) => s))) {
    const list = rows[section] as unknown[];
    for (let i = 0; i < list.length; ) {
      const take = Math.min(perPart - size, list.length - i);
      (part[section] ??= []).push(...list.slice(i, i + take));
      size += take;
      i += take;
      if (size === perPart) {
        parts.push(completeRows(part));
        part = {};
        size = 0;
      }
    }
  }
  if (size > 0) parts.push(completeRows(part));
  return parts;
}

function completeRows(part: Partial<Record<keyof MapGraphRows, unknown[]>>): MapGraphRows {
  return Object.fromEntries(CREATE_STEPS.map(([, section]) => [section, part[section] ?? []])) as unknown as MapGraphRows;
}

/** The state of a map as its writer sees it, read under the map's lock. */
export interface LockedMapState {
  name: string;
  /** 0 for a map that never had a version. */
  version: number;
  /** The current generation; null when the map has no version now (new, or deleted). */
  storage: string | null;
  checksum: string | null;
  counts: Record<string, number>;
  scratch: boolean;
  rulesDigest: string | null;
  /** Where each section's numbering continues in the current generation (absent for a store written before versions). */
  nextSeqs: Record<string, number> | null;
}

export interface PublishedVersion {
  version: number;
}

/** Nodes removed per transaction: large enough to be quick, small enough for a 1 GiB heap. */
export const REMOVAL_SLICE = 20_000;

/**
 * The Cypher of map generations: created beside the current one, published in one step, changed in
 * place under a mark readers wait for, and removed slice by slice once nobody reads them.
 */
@Injectable()
export class GenerationRepository {
  constructor(private readonly db: Neo4jService) {}

  create(q: QueryRunner, name: string, key: string): Promise<unknown> {
    return q.run('store/create-generation', { name, key });
  }

  async createCommitted(name: string, key: string): Promise<void> {
    await this.db.write('store.createGeneration', (q) => this.create(q, name, key));
  }

  async publish(
    q: QueryRunner,
    name: string,
    key: string,
    meta: { sources: string[]; checksum: string; counts: Record<string, number>; scratch: boolean; rulesDigest: string | null; nextSeqs: Record<string, number> },
  ): Promise<PublishedVersion> {
    const [row] = await q.run('store/publish-generation', {
      name,
      key,
      sources: meta.sources,
      checksum: meta.checksum,
      countsJson: JSON.stringify(meta.counts),
      scratch: meta.scratch,
      rulesDigest: meta.rulesDigest,
      seqsJson: JSON.stringify(meta.nextSeqs),
    });
    return { version: row.version as number };
  }

  async publishDeletion(q: QueryRunner, name: string): Promise<PublishedVersion> {
    const [row] = await q.run('store/publish-deletion', { name });
    return { version: row.version as number };
  }

  async publishInPlace(q: QueryRunner, name: string, meta: { counts: Record<string, number>; rulesDigest: string | null; nextSeqs: Record<string, number> }): Promise<PublishedVersion> {
    const [row] = await q.run('store/publish-in-place', { name, countsJson: JSON.stringify(meta.counts), rulesDigest: meta.rulesDigest, seqsJson: JSON.stringify(meta.nextSeqs) });
    return { version: row.version as number };
  }

  /** Marks an in-place write as landing, in a transaction of its own that commits before the write does. */
  async markInPlaceWrite(key: string, token: string): Promise<void> {
    await this.db.write('store.markInPlace', (q) => q.run('store/mark-in-place-write', { key, token }));
  }

  async clearInPlaceWrite(key: string, token: string): Promise<void> {
    await this.db.write('store.clearInPlace', (q) => q.run('store/clear-in-place-write', { key, token }));
  }

  /** Generations of `name` left "writing" by writers that are gone; run under the map's lock. */
  async abandonWriting(q: QueryRunner, name: string, except: string): Promise<string[]> {
    const [row] = await q.run('store/abandon-writing-generations', { name, except });
    return (row?.keys as string[]) ?? [];
  }

  /** Generations nobody can be reading any more, of one map (or of all when `name` is null). */
  async expired(name: string | null, graceSeconds: number, limit: number): Promise<Array<{ key: string; map: string }>> {
    return this.db.read('store.expired', async (q) =>
      (await q.run('store/list-expired-generations', { name, graceSeconds: int(graceSeconds), limit: int(limit) })).map((r) => ({ key: r.key as string, map: r.map as string })),
    );
  }

  async mapsWithLongWrites(olderThanSeconds: number): Promise<string[]> {
    return this.db.read('store.writing', async (q) => (await q.run('store/list-writing-generations', { olderThanSeconds: int(olderThanSeconds) })).map((r) => r.map as string));
  }

  async generationsOf(name: string): Promise<string[]> {
    return this.db.read('store.generationsOf', async (q) => (await q.run('store/generations-of-map', { name })).map((r) => r.key as string));
  }

  async staleScratchMaps(olderThanSeconds: number): Promise<string[]> {
    return this.db.read('store.staleScratch', async (q) => (await q.run('store/list-stale-scratch-maps', { olderThanSeconds: int(olderThanSeconds) })).map((r) => r.name as string));
  }

  /** Removes one slice of a generation's elements; returns how many went. */
  async removeElementsSlice(key: string): Promise<number> {
    const [row] = await this.db.write('store.removeSlice', (q) => q.run('store/remove-elements-slice', { key, limit: int(REMOVAL_SLICE) }));
    return row.deleted as number;
  }

  async removeGenerationNode(key: string): Promise<void> {
    await this.db.write('store.removeGeneration', (q) => q.run('store/remove-generation-node', { key }));
  }

  async removeMapNode(name: string): Promise<void> {
    await this.db.write('store.removeMapNode', (q) => q.run('store/remove-map-node', { name }));
  }

  async countNodes(key: string): Promise<number> {
    const [row] = await this.db.read('store.countNodes', (q) => q.run('store/count-generation-nodes', { map: key }));
    return row.nodes as number;
  }

  async countRelationships(key: string): Promise<number> {
    const [row] = await this.db.read('store.countRelationships', (q) => q.run('store/count-generation-relationships', { map: key }));
    return row.relationships as number;
  }

  readElements(snapshot: MapSnapshot): Promise<StoredElement[]> {
    return this.db.readMap(snapshot, 'store.readElements', async (s: MapSession) =>
      (await s.run('store/read-generation-elements')).map((r) => ({ label: r.label as string, props: r.props as Record<string, unknown> })),
    );
  }
}

/** The lock statement's row as the writer's view of the map. */
export function toLockedState(row: Record<string, unknown> | undefined, name: string): LockedMapState {
  const m = (row?.map ?? {}) as Record<string, unknown>;
  const generation = (m.generation ?? null) as { checksum?: string | null; countsJson?: string | null; rulesDigest?: string | null; seqsJson?: string | null } | null;
  return {
    name,
    version: (m.version as number | null) ?? 0,
    storage: (m.storage as string | null) ?? null,
    checksum: generation?.checksum ?? null,
    counts: generation?.countsJson ? (JSON.parse(generation.countsJson) as Record<string, number>) : {},
    scratch: m.scratch === true,
    rulesDigest: generation?.rulesDigest ?? null,
    nextSeqs: generation?.seqsJson ? (JSON.parse(generation.seqsJson) as Record<string, number>) : null,
  };
}
