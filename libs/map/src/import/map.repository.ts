import { Injectable } from '@nestjs/common';
import { ConflictError } from '@tadoru/common';
import { int, Neo4jService, QueryRunner } from '@tadoru/graph';
import { MapGraphRows } from '../graph/map-graph-rows';

export interface StoredMapInfo {
  name: string;
  sources: string[];
  checksum: string;
  counts: Record<string, number>;
  createdAt: string;
  importedAt: string;
  /** Set while a bulk import, swap or removal holds the map. */
  busy?: 'importing' | 'replacing' | 'deleting';
}

export interface StoredElement {
  label: string;
  props: Record<string, unknown>;
}

/** The order matters: each step links only to elements created by an earlier one. */
const CREATE_STEPS: ReadonlyArray<[string, keyof MapGraphRows]> = [
  ['map/import/01-create-groups', 'groups'],
  ['map/import/02-create-organizations', 'organizations'],
  ['map/import/03-create-subjects', 'subjects'],
  ['map/import/04-create-data-categories', 'dataCategories'],
  ['map/import/05-create-purposes', 'purposes'],
  ['map/import/06-create-notices', 'notices'],
  ['map/import/07-create-provisions', 'provisions'],
  ['map/import/08-create-shared-uses', 'sharedUses'],
  ['map/import/09-create-systems', 'systems'],
  ['map/import/10-create-collections', 'collections'],
  ['map/import/11-create-flows', 'flows'],
  ['map/import/12-create-derivations', 'derivations'],
  ['map/import/13-create-people', 'people'],
  ['map/import/14-create-consents', 'consents'],
  ['map/import/15-create-data-assets', 'dataAssets'],
  ['map/import/16-create-feeds', 'feeds'],
  ['map/import/17-mark-assets-held', 'heldAssets'],
  // After the flows (and the notices, provisions and organizations they refer to): which provisions cover them.
  ['map/import/18-create-covers', 'flows'],
];

/** Rows per statement: bounds the size of one UNWIND without changing the single transaction. */
const BATCH = 2_000;

/** Writes rows with one statement per step and slice of BATCH rows, in the transaction of `q`. */
export async function writeGraphRows(q: QueryRunner, map: string, rows: MapGraphRows): Promise<void> {
  for (const [key, section] of CREATE_STEPS) {
    const sectionRows = rows[section] as unknown[];
    for (let i = 0; i < sectionRows.length; i += BATCH) {
      await q.run(key, { map, rows: sectionRows.slice(i, i + BATCH) });
    }
  }
}

@Injectable()
export class MapRepository {
  constructor(private readonly db: Neo4jService) {}

  /**
   * Replaces one map's elements with `rows` in one transaction: all of it lands, or none. Returns
   * what was stored under the name before (read in the same transaction) and what is stored now.
   */
  replaceMap(
    name: string,
    rows: MapGraphRows,
    meta: { sources: string[]; checksum: string; counts: Record<string, number> },
  ): Promise<{ previous?: StoredMapInfo; stored: StoredMapInfo }> {
    return this.db.write('map.replace', async (q) => {
      const previous = await this.findIn(q, name);
      if (previous?.busy) throw new ConflictError(busyMessage(name, previous.busy));
      await q.run('map/delete-map-elements', { map: name });
      await writeGraphRows(q, name, rows);
      await q.run('map/upsert-map', { map: name, sources: meta.sources, checksum: meta.checksum, countsJson: JSON.stringify(meta.counts) });
      return { previous, stored: (await this.findIn(q, name)) as StoredMapInfo };
    });
  }

  deleteMap(name: string): Promise<boolean> {
    return this.db.write('map.delete', async (q) => {
      await q.run('map/delete-map-elements', { map: name });
      const [row] = await q.run('map/delete-map', { map: name });
      return (row?.deleted as number) > 0;
    });
  }

  listStaleScratchMaps(olderThanSeconds: number): Promise<string[]> {
    return this.db.read('map.listStaleScratch', async (q) => (await q.run('map/list-stale-scratch-maps', { olderThanSeconds: int(olderThanSeconds) })).map((r) => r.name as string));
  }

  find(name: string): Promise<StoredMapInfo | undefined> {
    return this.db.read('map.find', (q) => this.findIn(q, name));
  }

  list(): Promise<StoredMapInfo[]> {
    return this.db.read('map.list', async (q) => (await q.run('map/list-maps', {})).map((r) => toInfo(r.map)));
  }

  readElements(name: string): Promise<StoredElement[]> {
    return this.db.read('map.readElements', async (q) =>
      (await q.run('map/read-map-elements', { map: name })).map((r) => ({ label: r.label as string, props: r.props as Record<string, unknown> })),
    );
  }

  private async findIn(q: QueryRunner, name: string): Promise<StoredMapInfo | undefined> {
    const [row] = await q.run('map/find-map', { map: name });
    return row ? toInfo(row.map) : undefined;
  }
}

export function busyMessage(name: string, busy: NonNullable<StoredMapInfo['busy']>): string {
  const what = { importing: 'is being imported', replacing: 'is being replaced by a bulk import', deleting: 'is being removed' }[busy];
  return `map "${name}" ${what}; try again when that has finished`;
}

function toInfo(value: unknown): StoredMapInfo {
  const m = value as Record<string, unknown>;
  return {
    name: m.name as string,
    sources: (m.sources as string[]) ?? [],
    checksum: m.checksum as string,
    counts: m.countsJson ? (JSON.parse(m.countsJson as string) as Record<string, number>) : {},
    createdAt: m.createdAt as string,
    importedAt: m.importedAt as string,
    ...(m.busy ? { busy: m.busy as StoredMapInfo['busy'] } : {}),
  };
}
