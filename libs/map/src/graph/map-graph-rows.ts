import { DataMap } from '../model/data-map';

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

export function toGraphRows(map: DataMap): MapGraphRows {
  const organizations = new Map((map.organizations ?? []).map((o) => [o.id, o]));
  const systems = new Map((map.systems ?? []).map((s) => [s.id, s]));
  const countryOf = (systemId: string): string | undefined => {
    const system = systems.get(systemId);
    return system?.country ?? (system ? organizations.get(system.operator)?.country : undefined);
  };
  const operatorOf = (systemId: string): string | undefined => systems.get(systemId)?.operator;

  const rows: MapGraphRows = {
    groups: (map.groups ?? []).map((g, seq) => ({ ...props(g), id: g.id, seq })),
    organizations: (map.organizations ?? []).map((o, seq) => ({ ...props(o), id: o.id, seq })),
    subjects: (map.subjects ?? []).map((s, seq) => ({ ...props(s), id: s.id, seq })),
    dataCategories: (map.dataCategories ?? []).map((c, seq) => ({ ...props(c), id: c.id, seq })),
    purposes: (map.purposes ?? []).map((p, seq) => ({ ...props(p), id: p.id, seq })),
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
  };

  (map.notices ?? []).forEach((n, seq) => {
    rows.notices.push({ ...props(n, ['provisions', 'sharedUse']), id: n.id, seq });
    (n.provisions ?? []).forEach((p, i) => rows.provisions.push({ ...props(p), id: `${n.id}#provision-${i}`, notice: n.id, seq: i }));
    if (n.sharedUse) rows.sharedUses.push({ ...props(n.sharedUse), id: `${n.id}#shared-use`, notice: n.id, seq: 0 });
  });

  const assets = new Map<string, NodeRow>();
  const asset = (system: string, category: string, held: boolean): string => {
    const id = assetId(system, category);
    const existing = assets.get(id);
    if (existing) existing.held = existing.held || held;
    else assets.set(id, { id, system, category, held, seq: assets.size });
    return id;
  };

  let collectionSeq = 0;
  (map.systems ?? []).forEach((s, seq) => {
    rows.systems.push({ ...props(s, ['collections']), id: s.id, seq, location: countryOf(s.id) });
    for (const c of s.collections ?? []) {
      rows.collections.push({ ...props(c), id: c.id, system: s.id, seq: collectionSeq++ });
      for (const category of c.dataCategories) asset(s.id, category, true);
    }
  });

  (map.flows ?? []).forEach((f, seq) => {
    const sender = operatorOf(f.from);
    const recipient = operatorOf(f.to);
    rows.flows.push({
      ...props(f),
      id: f.id,
      seq,
      sender,
      recipient,
      crossOrganization: sender !== recipient,
      recipientCountry: countryOf(f.to),
    });
    f.dataCategories.forEach((category, order) => {
      const from = asset(f.from, category, false);
      const to = asset(f.to, category, true);
      rows.feeds.push({ from, to, kind: 'FLOW', via: f.id, viaSeq: seq, order, validFrom: f.validFrom ?? null, validTo: f.validTo ?? null });
    });
  });

  (map.derivations ?? []).forEach((d, seq) => {
    rows.derivations.push({ ...props(d), id: d.id, seq, organization: operatorOf(d.system) });
    for (const output of d.outputs) {
      const to = asset(d.system, output, true);
      d.inputs.forEach((input, order) => {
        const from = asset(d.system, input, false);
        rows.feeds.push({ from, to, kind: 'DERIVATION', via: d.id, viaSeq: seq, order, validFrom: d.validFrom ?? null, validTo: d.validTo ?? null });
      });
    }
  });

  (map.people ?? []).forEach((p, seq) => {
    rows.people.push({ ...props(p, ['consents']), id: p.id, seq, headcount: p.count ?? 1 });
    (p.consents ?? []).forEach((c, i) => rows.consents.push({ ...props(c), id: `${p.id}#consent-${i}`, people: p.id, seq: i }));
  });

  rows.dataAssets = [...assets.values()];
  return rows;
}
