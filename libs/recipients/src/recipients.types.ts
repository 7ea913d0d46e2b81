import { FlowRow, NoticeRow, OrganizationRow, PurposeRow, StoredMapInfo, SystemRow } from '@tadoru/catalog';
import { Finding } from '@tadoru/rules';

/** One step of the way data took, with the rules that step breaks. */
export interface TraceStep {
  kind: 'FLOW' | 'DERIVATION';
  /** Flow or derivation id. */
  via: string;
  fromSystem: string;
  toSystem: string;
  fromCategory: string;
  toCategory: string;
  /** Ids of the rules this flow or derivation breaks (its findings are on the row or the trace). */
  rulesBroken: string[];
}

export interface TracePath {
  /** System ids from where the data was collected (or first mapped) to the recipient's system. */
  systems: string[];
  steps: TraceStep[];
}

/** Whether one person's (people entry's) consent covered a flow (data-map.md "consented for"). */
export interface ConsentCoverage {
  /** The entry is concerned by the flow: its subject's data, from a system of the sender it uses. */
  concerned: boolean;
  /** It consented for the flow: to a notice of the sender with a provision covering it, in time. */
  consented: boolean;
  /** Every covering consent was withdrawn (as of the date asked, if any). */
  withdrawn: boolean;
  consents: Array<{ notice: string; at: string; withdrawnAt: string | null }>;
}

/** One receipt: who got which data, by which flow, for what purpose, on what ground. */
export interface RecipientRow {
  organization: string;
  organizationName: string;
  organizationCountry: string | null;
  system: string;
  systemName: string;
  /** The category as received: the one asked about, or data derived from it. */
  category: string;
  /** Made from other data: a derivation lies on its path. */
  derived: boolean;
  flow: string;
  sender: string;
  purpose: string | null;
  basis: string;
  notice: string | null;
  crossOrganization: boolean;
  path: TracePath;
  /** Set when the question was about one people entry. */
  consent: ConsentCoverage | null;
  /** Findings on this row's flow. */
  findings: Finding[];
}

export interface RecipientsRequest {
  /** The pinned map version the question is asked of. */
  map: StoredMapInfo;
  /** Exactly one of category, subject, person. */
  category?: string | null;
  subject?: string | null;
  person?: string | null;
  /** With a category: only where it is at this system. */
  system?: string | null;
  asOf?: string | null;
  maxDepth?: number | null;
  maxNodes?: number | null;
  /** Also list flows inside one organization (default: only flows to another organization). */
  includeInternal?: boolean | null;
  /** Page size (default 500, at most 1,000) and the `endCursor` of the previous page. */
  first?: number | null;
  after?: string | null;
}

export interface PersonTraceRequest {
  map: StoredMapInfo;
  person: string;
  asOf?: string | null;
  maxDepth?: number | null;
  maxNodes?: number | null;
}

export interface RecipientsResult {
  map: string;
  /** The map version the answer was computed from. */
  version: number;
  asOf: string | null;
  /** The categories the question started from. */
  categories: string[];
  /** One page of rows, in order of recipient organization, system, category, flow and purpose. */
  rows: RecipientRow[];
  /** How many rows the whole answer has, over all pages. */
  totalCount: number;
  /** The cursor of each row of the page. */
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
  partial: boolean;
  cutBy: Array<'maxDepth' | 'maxNodes'>;
  /** The elements the rows name, read with them (so that showing them needs no other read). */
  elements: ReferencedElements;
}

/** The flows of an answer's rows and the organizations, systems, purposes and notices they name. */
export interface ReferencedElements {
  flows: FlowRow[];
  organizations: OrganizationRow[];
  systems: SystemRow[];
  purposes: PurposeRow[];
  notices: NoticeRow[];
}

/** Where a category of someone's data is: a system, and how far from where it was collected. */
export interface Holding {
  organization: string;
  system: string;
  category: string;
  derived: boolean;
  depth: number;
}

export interface PersonTrace {
  map: string;
  /** The map version the answer was computed from. */
  version: number;
  asOf: string | null;
  person: { id: string; subject: string; count: number; since: string | null; uses: string[] };
  holdings: Holding[];
  recipients: RecipientRow[];
  consents: Array<{ notice: string; organization: string; at: string; withdrawnAt: string | null }>;
  /** Findings on the collections, flows and derivations this person's data went through. */
  findings: Finding[];
  partial: boolean;
  cutBy: Array<'maxDepth' | 'maxNodes'>;
  /** The elements the recipient rows name, read with them. */
  elements: ReferencedElements;
}
