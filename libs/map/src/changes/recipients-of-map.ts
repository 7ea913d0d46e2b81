import { DataMap } from '../model/data-map';

/**
 * Every (organization, system, category) that a cross-organization flow delivers, as the recipients
 * question counts receipts: a flow is cross-organization when the operators of its `from` and `to`
 * systems differ, so a flow between two companies of one group is one too (they are separate legal
 * entities, data-map.md §Meaning). Validity dates are not applied: tadoru's stored findings and the
 * recipients question without `asOf` treat every flow as in force, and a diff compares like with like.
 */
/** An (organization, system, category) reached by a cross-organization flow, as in the recipients question. */
export interface MapRecipient {
  organization: string;
  system: string;
  category: string;
  /** The first (by id) flow that delivers the category there. */
  flow: string;
  /** Every purpose of the flows that deliver it there, sorted. */
  purposes: string[];
  /** The category is produced by a derivation (data made from other data). */
  derived: boolean;
}

export function recipientsOfMap(map: DataMap): MapRecipient[] {
  const operatorOf = new Map((map.systems ?? []).map((s) => [s.id, s.operator]));
  const derived = new Set((map.derivations ?? []).flatMap((d) => d.outputs));
  const byKey = new Map<string, { recipient: MapRecipient; purposes: Set<string> }>();
  for (const flow of map.flows ?? []) {
    const sender = operatorOf.get(flow.from);
    const organization = operatorOf.get(flow.to);
    if (sender === undefined || organization === undefined || sender === organization) continue;
    for (const category of flow.dataCategories) {
      const key = recipientKey({ organization, system: flow.to, category });
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, { recipient: { organization, system: flow.to, category, flow: flow.id, purposes: [], derived: derived.has(category) }, purposes: new Set(flow.purposes ?? []) });
        continue;
      }
      if (flow.id.localeCompare(known.recipient.flow) < 0) known.recipient.flow = flow.id;
      for (const purpose of flow.purposes ?? []) known.purposes.add(purpose);
    }
  }
  return [...byKey.values()].map(({ recipient, purposes }) => ({ ...recipient, purposes: [...purposes].sort((a, b) => a.localeCompare(b)) })).sort(compareRecipients);
}

/** A recipient is identified by organization, system and category. */
export function recipientKey(r: Pick<MapRecipient, 'organization' | 'system' | 'category'>): string {
  return `${r.organization}\u0000${r.system}\u0000${r.category}`;
}

export function compareRecipients(a: MapRecipient, b: MapRecipient): number {
  return a.organization.localeCompare(b.organization) || a.system.localeCompare(b.system) || a.category.localeCompare(b.category);
}
