import { DataCategory, DataMap, Derivation, Flow, Group, Notice, Organization, People, Purpose, Section, SECTIONS, Subject, System } from '../model/data-map';

/** A node's properties as written: the map's own fields plus `id`, `seq` and derived values. */
export type NodeRow = Record<string, unknown> & { id: string; seq: number };

/**
 * Everything one map becomes in the graph, computed in plain TypeScript so that the Cypher that
 * writes it stays a set of simple UNWINDs and the derivation of assets can be unit-tested.
 */
export interface MapGraphRows {
  groups: NodeRow[];
  organizations: NodeRow[];
  subjects: NodeRow[];
  dataCategories: NodeRow[];
  purposes: NodeRow[];
  notices: NodeRow[];
  provisions: NodeRow[];
  sharedUses: NodeRow[];
  systems: NodeRow[];
  collections: NodeRow[];
  flows: NodeRow[];
  derivations: NodeRow[];
  people: NodeRow[];
  consents: NodeRow[];
  /** One per (system, category) that exists somewhere in the map's lineage. */
  dataAssets: NodeRow[];
  /** Asset-to-asset steps: a flow moving a category, or a derivation turning one into another. */
  feeds: FeedRow[];
  /** Ids of assets written earlier (by a previous batch) as not held, that a later entry makes held. */
  heldAssets: string[];
}

export function emptyGraphRows(): MapGraphRows {
  return {
    groups: [],
    organizations: [],
    subjects: [],
    dataCategories: [],
    purposes: [],
    notices: [],
    provisions: [],
    sharedUses: [],
    systems: [],
    collections: [],
    flows: [],
    derivations: [],
    people: [],
    consents: [],
    dataAssets: [],
    feeds: [],
    heldAssets: [],
  };
}

export interface FeedRow {
  from: string;
  to: string;
  kind: 'FLOW' | 'DERIVATION';
  via: string;
  /** Position of the flow or derivation in the map: ties in a walk break by it ("first in the map wins")… */
  viaSeq: number;
  /** …then by the position of the category in the flow's list, or of the input in the derivation's. */
  order: number;
  validFrom: string | null;
  validTo: string | null;
}

export function assetId(system: string, category: string): string {
  // `/` cannot occur in a map id, so the pair is unambiguous.
  return `${system}/${category}`;
}

/** Removes undefined and null (Neo4j stores no nulls; absence means the same thing). */
function props(entry: object, omit: string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([k, v]) => v !== undefined && v !== null && !omit.includes(k)));
}

/** What a flow or derivation needs to know about systems that may be defined anywhere in the map. */
export interface SystemDirectory {
  operatorOf(systemId: string): string | undefined;
  /** The system's own country, else its operator's. */
  locationOf(systemId: string): string | undefined;
}

export function directoryOf(organizations: Iterable<Pick<Organization, 'id' | 'country'>>, systems: Iterable<Pick<System, 'id' | 'operator' | 'country'>>): SystemDirectory {
  const countries = new Map<string, string>();
  for (const o of organizations) countries.set(o.id, o.country);
  const bySystem = new Map<string, { operator: string; location?: string }>();
  for (const s of systems) bySystem.set(s.id, { operator: s.operator, location: s.country ?? countries.get(s.operator) });
  return {
    operatorOf: (id) => bySystem.get(id)?.operator,
    locationOf: (id) => bySystem.get(id)?.location,
  };
}

/** Where a builder continues a stored map: the next `seq` of each section, and the stored assets it may touch. */
export interface StoredRowState {
  /** Next `seq` per section (and `collections`, `dataAssets`), as `nextSeqs()` returned it. */
  nextSeqs: Record<string, number>;
  assets: Array<{ id: string; system: string; category: string; held: boolean }>;
}

/**
 * Turns map entries into graph rows one at a time, in map order, so that a whole map and a map
 * streamed in batches become the same graph: it numbers each section's entries (`seq`) and keeps
 * the one piece of state that spans entries, the data assets already created. It can also continue
 * a stored map, for entries added to it later.
 */
export class GraphRowBuilder {
  private readonly seqs = new Map<string, number>();
  private readonly assets = new Map<string, NodeRow>();
  /** Stored before this builder started (rows for them are never created, only marked held). */
  private readonly stored = new Set<string>();
  private nextAssetSeq = 0;
  /** Assets with `seq` below this were handed out in rows that are already written. */
  private assetsWritten = 0;

  constructor(
    private readonly directory: SystemDirectory,
    continuing?: StoredRowState,
  ) {
    if (!continuing) return;
    for (const [section, next] of Object.entries(continuing.nextSeqs)) if (section !== 'dataAssets') this.seqs.set(section, next);
    this.nextAssetSeq = this.assetsWritten = continuing.nextSeqs.dataAssets ?? 0;
    for (const a of continuing.assets) {
      this.assets.set(a.id, { id: a.id, system: a.system, category: a.category, held: a.held, seq: -1 });
      this.stored.add(a.id);
    }
  }

  /** The next `seq` of each section: where a later builder continues this map. */
  nextSeqs(): Record<string, number> {
    return { ...Object.fromEntries(this.seqs), dataAssets: this.nextAssetSeq };
  }

  /** Adds the rows of one entry of `section` to `rows`; returns how many rows that was. */
  add(section: Section, entry: unknown, rows: MapGraphRows): number {
    const before = rowCount(rows);
    this.addEntry(section, entry, rows);
    return rowCount(rows) - before;
  }

  private addEntry(section: Section, entry: unknown, rows: MapGraphRows): void {
    const seq = this.next(section);
    switch (section) {
      case 'groups':
        rows.groups.push(this.plain(entry as Group, seq));
        return;
      case 'organizations':
        rows.organizations.push(this.plain(entry as Organization, seq));
        return;
      case 'subjects':
        rows.subjects.push(this.plain(entry as Subject, seq));
        return;
      case 'dataCategories':
        rows.dataCategories.push(this.plain(entry as DataCategory, seq));
        return;
      case 'purposes':
        rows.purposes.push(this.plain(entry as Purpose, seq));
        return;
      case 'notices':
        return this.notice(entry as Notice, seq, rows);
      case 'systems':
        return this.system(entry as System, seq, rows);
      case 'flows':
        return this.flow(entry as Flow, seq, rows);
      case 'derivations':
        return this.derivation(entry as Derivation, seq, rows);
      case 'people':
        return this.people(entry as People, seq, rows);
    }
  }

  /** The rows handed out so far are written: a later change to one of their assets needs its own row. */
  markWritten(): void {
    this.assetsWritten = this.nextAssetSeq;
  }

  private next(section: string): number {
    const seq = this.seqs.get(section) ?? 0;
    this.seqs.set(section, seq + 1);
    return seq;
  }

  private plain(entry: { id: string }, seq: number): NodeRow {
    return { ...props(entry), id: entry.id, seq };
  }

  private notice(n: Notice, seq: number, rows: MapGraphRows): void {
    rows.notices.push({ ...props(n, ['provisions', 'sharedUse']), id: n.id, seq });
    (n.provisions ?? []).forEach((p, i) => rows.provisions.push({ ...props(p), id: `${n.id}#provision-${i}`, notice: n.id, seq: i }));
    if (n.sharedUse) rows.sharedUses.push({ ...props(n.sharedUse), id: `${n.id}#shared-use`, notice: n.id, seq: 0 });
  }

  private system(s: System, seq: number, rows: MapGraphRows): void {
    rows.systems.push({ ...props(s, ['collections']), id: s.id, seq, location: this.directory.locationOf(s.id) });
    for (const c of s.collections ?? []) {
      rows.collections.push({ ...props(c), id: c.id, system: s.id, seq: this.next('collections') });
      for (const category of c.dataCategories) this.asset(s.id, category, true, rows);
    }
  }

  private flow(f: Flow, seq: number, rows: MapGraphRows): void {
    const sender = this.directory.operatorOf(f.from);
    const recipient = this.directory.operatorOf(f.to);
    rows.flows.push({ ...props(f), id: f.id, seq, sender, recipient, crossOrganization: sender !== recipient, recipientCountry: this.directory.locationOf(f.to) });
    f.dataCategories.forEach((category, order) => {
      const from = this.asset(f.from, category, false, rows);
      const to = this.asset(f.to, category, true, rows);
      rows.feeds.push({ from, to, kind: 'FLOW', via: f.id, viaSeq: seq, order, validFrom: f.validFrom ?? null, validTo: f.validTo ?? null });
    });
  }

  private derivation(d: Derivation, seq: number, rows: MapGraphRows): void {
    rows.derivations.push({ ...props(d), id: d.id, seq, organization: this.directory.operatorOf(d.system) });
    for (const output of d.outputs) {
      const to = this.asset(d.system, output, true, rows);
      d.inputs.forEach((input, order) => {
        const from = this.asset(d.system, input, false, rows);
        rows.feeds.push({ from, to, kind: 'DERIVATION', via: d.id, viaSeq: seq, order, validFrom: d.validFrom ?? null, validTo: d.validTo ?? null });
      });
    }
  }

  private people(p: People, seq: number, rows: MapGraphRows): void {
    rows.people.push({ ...props(p, ['consents']), id: p.id, seq, headcount: p.count ?? 1 });
    (p.consents ?? []).forEach((c, i) => rows.consents.push({ ...props(c), id: `${p.id}#consent-${i}`, people: p.id, seq: i }));
  }

  private asset(system: string, category: string, held: boolean, rows: MapGraphRows): string {
    const id = assetId(system, category);
    const existing = this.assets.get(id);
    if (!existing) {
      const row = { id, system, category, held, seq: this.nextAssetSeq++ };
      this.assets.set(id, row);
      rows.dataAssets.push(row);
    } else if (held && !existing.held) {
      existing.held = true; // still unwritten: the row itself carries it
      if (this.stored.has(id) || (existing.seq as number) < this.assetsWritten) rows.heldAssets.push(id);
    }
    return id;
  }
}

function rowCount(rows: MapGraphRows): number {
  let n = 0;
  for (const list of Object.values(rows)) n += (list as unknown[]).length;
  return n;
}

/** The whole map's rows at once (maps that fit in memory; streamed maps use `GraphRowBuilder` directly). */
export function toGraphRows(map: DataMap): MapGraphRows {
  return buildGraphRows(map).rows;
}

/** `toGraphRows`, with where each section's numbering ends (for entries added to the map later). */
export function buildGraphRows(map: DataMap): { rows: MapGraphRows; nextSeqs: Record<string, number> } {
  const builder = new GraphRowBuilder(directoryOf(map.organizations ?? [], map.systems ?? []));
  const rows = emptyGraphRows();
  // SECTIONS lists each section after those it refers to, so each row links only to what exists
  for (const section of SECTIONS) for (const entry of map[section] ?? []) builder.add(section, entry, rows);
  return { rows, nextSeqs: builder.nextSeqs() };
}

/** Node rows of a set of rows (relationship rows are the feeds and the links each node row creates). */
export function graphNodeCount(rows: MapGraphRows): number {
  let n = 0;
  for (const [section, list] of Object.entries(rows)) if (section !== 'feeds' && section !== 'heldAssets') n += (list as unknown[]).length;
  return n;
}

/** How many rows (nodes, relationship rows and held-asset marks) a set of graph rows holds. */
export function graphRowCount(rows: MapGraphRows): number {
  return rowCount(rows);
}
