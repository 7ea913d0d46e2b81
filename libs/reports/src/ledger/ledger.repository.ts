import { Injectable } from '@nestjs/common';
import { int, MapSession } from '@tadoru/graph';

export interface LedgerCategory {
  id: string;
  name: string;
  class: string;
  subject: string;
}

export interface LedgerPeople {
  id: string;
  count: number;
  consented: boolean;
}

export interface LedgerFlowDetails {
  flow: string;
  categories: LedgerCategory[];
  /** People entries concerned by the flow: how many entries, how many people, how many of them consented for it. */
  peopleTotal: number;
  headcount: number;
  consentedHeadcount: number;
  people: LedgerPeople[];
  /** The sender's notices (with a provision covering the flow) that concerned people consented to. */
  consentNotices: string[];
  collectionTotal: number;
  collections: Array<{ id: string; system: string; method: string; notice: string | null; categories: string[] }>;
  derivationTotal: number;
  derivations: Array<{ id: string; system: string; categories: string[] }>;
  receivedTotal: number;
  received: Array<{ id: string; sender: string; basis: string; categories: string[] }>;
}

/** How many people entries, collections, derivations and inbound flows a record names (the totals are always given). */
export const LEDGER_LIST_CAP = 20;

/**
 * The ledger's own read (cypher/queries/reports/ledger-flow-details.cypher), over the caller's session.
 */
@Injectable()
export class LedgerRepository {
  async flowDetailsIn(s: MapSession, flows: readonly string[], asOf: string | null): Promise<Map<string, LedgerFlowDetails>> {
    if (flows.length === 0) return new Map();
    const rows = await s.run('reports/ledger-flow-details', { flows: [...flows], asOf, limit: int(LEDGER_LIST_CAP) });
    return new Map(rows.map((r) => [r.flow as string, r as unknown as LedgerFlowDetails]));
  }
}
