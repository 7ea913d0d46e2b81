import { Injectable } from '@nestjs/common';
import { CatalogService, FlowRow, MapDirectoryService, OrganizationRow, PeopleRow, StoredMapInfo, SystemRow, toElementRow } from '@tadoru/catalog';
import { AnswerCache, answerCacheEntries, canonicalArguments, CursorScope, decodeCursor, encodeCursor, InvalidInputError, Problem } from '@tadoru/common';
import { MapSession } from '@tadoru/graph';
import { AssetRef, Bounds, categoryOfAsset, chainTo, checkBounds, FeedEdge, isOrigin, LineageService, PersonFlowConsent, systemOfAsset, systemsOf, WalkResult } from '@tadoru/lineage';
import { Finding, FindingsService } from '@tadoru/rules';
import { ConsentCoverage, Holding, PersonTrace, PersonTraceRequest, RecipientRow, RecipientsRequest, RecipientsResult, ReferencedElements, TracePath, TraceStep } from './recipients.types';

interface Walked {
  bounds: Bounds;
  categories: string[];
  walk: WalkResult;
}

/** A receipt before it is enriched: who got which category by which flow, and the way it came. */
interface Receipt {
  edge: FeedEdge;
  flow: FlowRow;
  chain: FeedEdge[];
}

interface ReceiptDetails {
  flows: Map<string, FlowRow>;
  organizations: Map<string, OrganizationRow>;
  systems: Map<string, SystemRow>;
  elements: ReferencedElements;
}

/** Largest page of recipient rows, and the page when none is asked for (large enough for most whole answers). */
export const MAX_RECIPIENTS_PAGE = 1_000;
export const DEFAULT_RECIPIENTS_PAGE = 500;

/**
 * "Who receives this data, and for what purpose?": a bounded downstream walk from where the data
 * was collected, through flows and derivations, turned into one row per receipt with its path, its
 * ground, the consent behind it and the rules each step breaks. One read of one pinned version.
 */
@Injectable()
export class RecipientsService {
  /** Answers by version and question (see AnswerCache): the DPO question asked again is not walked again. */
  private readonly answers = new AnswerCache<RecipientsResult | PersonTrace>(answerCacheEntries(), 200_000, (a) => ('rows' in a ? a.rows.length : a.recipients.length + a.holdings.length) + a.elements.flows.length);

  constructor(
    private readonly lineage: LineageService,
    private readonly catalog: CatalogService,
    private readonly directory: MapDirectoryService,
    private readonly findings: FindingsService,
  ) {}

  async recipients(request: RecipientsRequest): Promise<RecipientsResult> {
    return this.answers.get(answerKey('recipients', request), isCacheable(request.map), (keepable) => this.computeRecipients(request, keepable)) as Promise<RecipientsResult>;
  }

  async personTrace(request: PersonTraceRequest): Promise<PersonTrace> {
    return this.answers.get(answerKey('personTrace', request), isCacheable(request.map), (keepable) => this.computePersonTrace(request, keepable)) as Promise<PersonTrace>;
  }

  private async computeRecipients(request: RecipientsRequest, keepable: boolean): Promise<{ value: RecipientsResult; keep: boolean }> {
    const problems: Problem[] = [];
    const given = (['category', 'subject', 'person'] as const).filter((k) => request[k]);
    if (given.length !== 1) problems.push({ path: 'category', message: 'give exactly one of category, subject or person' });
    if (request.system && !request.category) problems.push({ path: 'system', message: 'only narrows a category: give a category too' });
    const first = request.first ?? DEFAULT_RECIPIENTS_PAGE;
    if (!Number.isInteger(first) || first < 0 || first > MAX_RECIPIENTS_PAGE) problems.push({ path: 'first', message: `must be a whole number from 0 to ${MAX_RECIPIENTS_PAGE}` });
    const bounds = checkBounds(request, problems);
    const scope = recipientsScope(request);
    const after = request.after ? decodeCursor(request.after, scope) : null;
    const map = request.map;

    return this.lineage.read(map, 'recipients.recipients', async (s) => {
      await this.lineage.requireElements(s, [
        ['dataCategories', request.category, 'category'],
        ['subjects', request.subject, 'subject'],
        ['people', request.person, 'person'],
        ['systems', request.system, 'system'],
      ]);
      const walked = request.person ? await this.walkFromPerson(s, await this.person(s, request.person), bounds) : await this.walkFromCategories(s, request, bounds);
      const { receipts, details } = await this.receiptsOf(s, walked, request.includeInternal ?? false);
      const all = receipts.flatMap(({ receipt, purposes }) => purposes.map((purpose) => ({ receipt, purpose, key: rowKey(receipt, purpose) }))).sort((a, b) => compareKeys(a.key, b.key));
      const start = after === null ? 0 : all.findIndex((r) => r.key.join('\u0000') === after) + 1;
      const page = all.slice(start, start + first);
      const rows = await this.rowsOf(s, map, page, walked, details, { person: request.person ?? null, asOf: bounds.asOf });
      const value: RecipientsResult = {
        map: map.name,
        version: map.version,
        asOf: bounds.asOf,
        categories: walked.categories,
        rows: rows.rows,
        totalCount: all.length,
        cursors: page.map((r) => encodeCursor(scope, r.key.join('\u0000'))),
        hasNextPage: start + first < all.length,
        endCursor: page.length > 0 ? encodeCursor(scope, page[page.length - 1].key.join('\u0000')) : null,
        partial: walked.walk.partial,
        cutBy: walked.walk.cutBy,
        elements: details.elements,
      };
      return { value, keep: keepable && (await this.directory.unchangedIn(s, map)) };
    });
  }

  private async computePersonTrace(request: PersonTraceRequest, keepable: boolean): Promise<{ value: PersonTrace; keep: boolean }> {
    const bounds = checkBounds(request);
    const map = request.map;
    return this.lineage.read(map, 'recipients.personTrace', async (s) => {
      await this.lineage.requireElements(s, [['people', request.person, 'person']]);
      const person = await this.person(s, request.person);
      const walked = await this.walkFromPerson(s, person, bounds);
      const { receipts, details } = await this.receiptsOf(s, walked, true);
      const page = receipts.flatMap(({ receipt, purposes }) => purposes.map((purpose) => ({ receipt, purpose, key: rowKey(receipt, purpose) }))).sort((a, b) => compareKeys(a.key, b.key));
      const { rows, findings } = await this.rowsOf(s, map, page, walked, details, { person: request.person, asOf: bounds.asOf, everyStep: true, collectionsAt: person.uses });

      const nodes = [...walked.walk.nodes.values()];
      const systems = await this.catalog.byIdsIn(s, 'systems', nodes.map((n) => n.system));
      const holdings: Holding[] = nodes
        .map((n) => ({ organization: systems.get(n.system)?.operator ?? '', system: n.system, category: n.category, derived: reachedByDerivation(walked.walk, n.id), depth: n.depth }))
        .sort((a, b) => a.depth - b.depth || a.system.localeCompare(b.system) || a.category.localeCompare(b.category));

      const consents = (await this.catalog.relatedIn(s, 'consents-of-people', 'consents', [request.person])).get(request.person)?.items ?? [];
      const notices = await this.catalog.byIdsIn(s, 'notices', consents.map((c) => c.notice));
      const value: PersonTrace = {
        map: map.name,
        version: map.version,
        asOf: bounds.asOf,
        person: { id: person.id, subject: person.subject, count: person.count, since: person.since ?? null, uses: person.uses },
        holdings,
        recipients: rows,
        consents: consents
          .filter((c) => !bounds.asOf || c.at <= bounds.asOf)
          .map((c) => ({
            notice: c.notice,
            organization: notices.get(c.notice)?.organization ?? '',
            at: c.at,
            withdrawnAt: c.withdrawnAt && (!bounds.asOf || c.withdrawnAt <= bounds.asOf) ? c.withdrawnAt : null,
          })),
        findings,
        partial: walked.walk.partial,
        cutBy: walked.walk.cutBy,
        elements: details.elements,
      };
      return { value, keep: keepable && (await this.directory.unchangedIn(s, map)) };
    });
  }

  private async walkFromCategories(s: MapSession, request: RecipientsRequest, bounds: Bounds): Promise<Walked> {
    const categories = request.subject ? await this.lineage.categoriesOfSubjects(s, [request.subject]) : [request.category as string];
    const found = await this.lineage.assetsOfCategories(s, categories, request.system ? [request.system] : null, bounds.asOf);
    const starts = request.system ? found : found.filter(isOrigin);
    const [walk] = await this.lineage.walk(s, [starts], 'DOWNSTREAM', bounds, bounds.asOf);
    return { bounds, categories, walk };
  }

  private async person(s: MapSession, id: string): Promise<PeopleRow> {
    const person = (await this.catalog.byIdsIn(s, 'people', [id])).get(id);
    if (!person) throw new InvalidInputError([{ path: 'person', message: `unknown people entry "${id}"` }]);
    return person;
  }

  /** A person's data starts at the systems they use, in every category about their subject found there. */
  private async walkFromPerson(s: MapSession, person: PeopleRow, bounds: Bounds): Promise<Walked> {
    const categories = await this.lineage.categoriesOfSubjects(s, [person.subject]);
    const starts: AssetRef[] = person.uses.length > 0 ? await this.lineage.assetsOfCategories(s, categories, person.uses, bounds.asOf) : [];
    const [walk] = await this.lineage.walk(s, [starts], 'DOWNSTREAM', bounds, bounds.asOf);
    return { bounds, categories, walk };
  }

  /** The walk's flow steps that are receipts (flows to another organization, unless internal ones are asked for), with their flows. */
  private async receiptsOf(s: MapSession, { walk }: Walked, includeInternal: boolean): Promise<{ receipts: Array<{ receipt: Receipt; purposes: Array<string | null> }>; details: ReceiptDetails }> {
    const flowEdges = walk.edges.filter((e) => e.kind === 'FLOW');
    const details = await this.details(s, flowEdges.map((e) => e.via));
    const receipts = flowEdges
      .filter((e) => includeInternal || details.flows.get(e.via)?.crossOrganization === true)
      .flatMap((edge) => {
        const flow = details.flows.get(edge.via);
        if (!flow) return [];
        const receipt: Receipt = { edge, flow, chain: [...chainTo(walk, edge.from, 'DOWNSTREAM'), edge] };
        return [{ receipt, purposes: flow.purposes.length > 0 ? flow.purposes : [null] }];
      });
    return { receipts, details };
  }

  /** The rows of one page of receipts, with flow details, findings per step and (for a person) consent. */
  private async rowsOf(
    s: MapSession,
    map: StoredMapInfo,
    page: Array<{ receipt: Receipt; purpose: string | null }>,
    { walk, categories, bounds }: Walked,
    details: ReceiptDetails,
    options: { person: string | null; asOf: string | null; everyStep?: boolean; collectionsAt?: string[] },
  ): Promise<{ rows: RecipientRow[]; findings: Finding[] }> {
    const receipts = [...new Set(page.map((p) => p.receipt))];
    // Findings for every flow and derivation on the way (and, for a person, everything their data went through and the collections of it).
    const targets = new Set<string>(receipts.flatMap((r) => r.chain).map(targetKey));
    if (options.everyStep) for (const e of walk.edges) targets.add(targetKey(e));
    if (options.collectionsAt?.length) {
      const collections = await this.catalog.relatedIn(s, 'collections-of-systems', 'collections', options.collectionsAt);
      for (const list of collections.values()) for (const c of list.items) if (c.dataCategories.some((x) => categories.includes(x))) targets.add(`collection:${c.id}`);
    }
    const findings = await this.findings.ofTargets(s, map, { ids: [...targets].map((t) => t.slice(t.indexOf(':') + 1)), keys: targets }, bounds.asOf);
    const rulesOn = groupRules(findings);
    const consent = options.person ? await this.lineage.personConsentForFlows(s, options.person, [...new Set(receipts.map((r) => r.edge.via))], options.asOf) : null;

    const rows = page.map(({ receipt: { edge, flow, chain }, purpose }): RecipientRow => {
      const recipient = details.organizations.get(flow.recipient);
      const system = details.systems.get(systemOfAsset(edge.to));
      return {
        organization: flow.recipient,
        organizationName: recipient?.name ?? flow.recipient,
        organizationCountry: recipient?.country ?? null,
        system: systemOfAsset(edge.to),
        systemName: system?.name ?? systemOfAsset(edge.to),
        category: categoryOfAsset(edge.to),
        derived: chain.some((e) => e.kind === 'DERIVATION'),
        flow: edge.via,
        sender: flow.sender,
        purpose,
        basis: flow.basis,
        notice: flow.notice ?? null,
        crossOrganization: flow.crossOrganization,
        path: toPath(chain, rulesOn),
        consent: consent ? coverage(consent.get(edge.via)) : null,
        findings: findings.filter((f) => f.target.kind === 'flow' && f.target.id === edge.via),
      };
    });
    return { rows, findings };
  }

  /** The walk's flows with the organizations, systems, purposes and notices the rows name: one statement. */
  private async details(s: MapSession, flowIds: string[]): Promise<ReceiptDetails> {
    const [row] = await s.run('recipients/receipt-details', { flowIds: [...new Set(flowIds)] });
    const rows = <K extends 'flows' | 'organizations' | 'systems' | 'purposes' | 'notices'>(kind: K) =>
      (row[kind] as Array<Record<string, unknown>>).map((e) => toElementRow(kind, s.snapshot, e));
    const elements: ReferencedElements = { flows: rows('flows'), organizations: rows('organizations'), systems: rows('systems'), purposes: rows('purposes'), notices: rows('notices') };
    return {
      flows: new Map(elements.flows.map((f) => [f.id, f])),
      organizations: new Map(elements.organizations.map((o) => [o.id, o])),
      systems: new Map(elements.systems.map((x) => [x.id, x])),
      elements,
    };
  }
}

/** One question of one version: the storage, its in-place write sequence, and every argument. */
function answerKey(kind: string, request: RecipientsRequest | PersonTraceRequest): string {
  const { map, ...question } = request;
  return `${kind}\u0000${map.storage}\u0000${map.writeSeq}\u0000${canonicalArguments(question)}`;
}

/** A version pinned while an in-place write was landing may be read half-written: its answers are not kept. */
function isCacheable(map: StoredMapInfo & { pendingAtPin?: boolean }): boolean {
  return map.pendingAtPin !== true;
}

/** The scope of a recipients answer's cursors: the same question of the same version. */
function recipientsScope(request: RecipientsRequest): CursorScope {
  const { map, first: _first, after: _after, ...question } = request;
  return { list: 'recipients', version: map.version, question: canonicalArguments(question) };
}

/** A row's place in the answer: recipient organization, system, category, flow, purpose. */
function rowKey(receipt: Receipt, purpose: string | null): string[] {
  return [receipt.flow.recipient, systemOfAsset(receipt.edge.to), categoryOfAsset(receipt.edge.to), receipt.edge.via, String(purpose)];
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = a[i].localeCompare(b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function targetKey(e: FeedEdge): string {
  return `${e.kind === 'FLOW' ? 'flow' : 'derivation'}:${e.via}`;
}

/** Data made from other data: some derivation lies on the way the walk first reached it. */
function reachedByDerivation(walk: WalkResult, assetId: string): boolean {
  return chainTo(walk, assetId, 'DOWNSTREAM').some((e) => e.kind === 'DERIVATION');
}

function groupRules(findings: Finding[]): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const f of findings) {
    const key = `${f.target.kind === 'derivation' ? 'DERIVATION' : 'FLOW'}:${f.target.id}`;
    const list = byTarget.get(key) ?? [];
    list.push(f.rule);
    byTarget.set(key, list);
  }
  return byTarget;
}

function toPath(chain: FeedEdge[], rulesOn: Map<string, string[]>): TracePath {
  const steps: TraceStep[] = chain.map((e) => ({
    kind: e.kind,
    via: e.via,
    fromSystem: systemOfAsset(e.from),
    toSystem: systemOfAsset(e.to),
    fromCategory: categoryOfAsset(e.from),
    toCategory: categoryOfAsset(e.to),
    rulesBroken: rulesOn.get(`${e.kind}:${e.via}`) ?? [],
  }));
  return { systems: systemsOf(chain, systemOfAsset), steps };
}

function coverage(found: PersonFlowConsent | undefined): ConsentCoverage {
  const consents = found?.consents ?? [];
  return {
    concerned: found?.concerned ?? false,
    consented: consents.length > 0,
    withdrawn: consents.length > 0 && consents.every((c) => c.withdrawnAt !== null),
    consents,
  };
}
