import { Injectable } from '@nestjs/common';
import { Problem } from '@tadoru/common';
import {
  AssetRef,
  Bounds,
  categoryOfAsset,
  chainTo,
  checkBounds,
  FeedEdge,
  isOrigin,
  LineageRepository,
  LineageService,
  PersonFlowConsent,
  systemOfAsset,
  systemsOf,
  WalkResult,
} from '@tadoru/lineage';
import { CatalogService, Element } from '@tadoru/catalog';
import { compareFindings, Finding, RuleEngine } from '@tadoru/rules';
import { ConsentCoverage, Holding, PersonTrace, RecipientRow, RecipientsRequest, RecipientsResult, TracePath, TraceStep } from './recipients.types';

interface Walked {
  bounds: Bounds;
  categories: string[];
  walk: WalkResult;
}

/**
 * "Who receives this data, and for what purpose?": a bounded downstream walk from where the data
 * was collected, through flows and derivations, turned into one row per receipt with its path, its
 * ground, the consent behind it and the rules each step breaks.
 */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly lineage: LineageService,
    private readonly assets: LineageRepository,
    private readonly catalog: CatalogService,
    private readonly engine: RuleEngine,
  ) {}

  async recipients(request: RecipientsRequest): Promise<RecipientsResult> {
    const problems: Problem[] = [];
    const given = (['category', 'subject', 'person'] as const).filter((k) => request[k]);
    if (given.length !== 1) problems.push({ path: 'category', message: 'give exactly one of category, subject or person' });
    if (request.system && !request.category) problems.push({ path: 'system', message: 'only narrows a category: give a category too' });
    const bounds = checkBounds(request, problems);
    await this.lineage.requireMap(request.map);
    await this.lineage.requireElements(request.map, [
      ['dataCategories', request.category, 'category'],
      ['subjects', request.subject, 'subject'],
      ['people', request.person, 'person'],
      ['systems', request.system, 'system'],
    ]);

    const walked = request.person
      ? await this.walkFromPerson(request.map, await this.person(request.map, request.person), bounds)
      : await this.walkFromCategories(request.map, request, bounds);
    const rows = await this.receipts(request.map, walked, { includeInternal: request.includeInternal ?? false, person: request.person ?? null });
    return { map: request.map, asOf: bounds.asOf, categories: walked.categories, rows: rows.rows, partial: walked.walk.partial, cutBy: walked.walk.cutBy };
  }

  async personTrace(request: { map: string; person: string; asOf?: string | null; maxDepth?: number | null; maxNodes?: number | null }): Promise<PersonTrace> {
    const bounds = checkBounds(request);
    await this.lineage.requireMap(request.map);
    await this.lineage.requireElements(request.map, [['people', request.person, 'person']]);
    const person = await this.person(request.map, request.person);
    const walked = await this.walkFromPerson(request.map, person, bounds);
    const { rows, findings } = await this.receipts(request.map, walked, { includeInternal: true, person: request.person, collectionsAt: person.uses as string[] });

    const nodes = [...walked.walk.nodes.values()];
    const systems = await this.catalog.byIds('systems', request.map, nodes.map((n) => n.system));
    const holdings: Holding[] = nodes
      .map((n) => ({ organization: String(systems.get(n.system)?.operator ?? ''), system: n.system, category: n.category, derived: reachedByDerivation(walked.walk, n.id), depth: n.depth }))
      .sort((a, b) => a.depth - b.depth || a.system.localeCompare(b.system) || a.category.localeCompare(b.category));

    const consents = (await this.catalog.related('consents-of-people', 'consents', request.map, [request.person])).get(request.person)?.items ?? [];
    const notices = await this.catalog.byIds('notices', request.map, consents.map((c) => String(c.notice)));
    return {
      map: request.map,
      asOf: bounds.asOf,
      person: {
        id: person.id,
        subject: String(person.subject),
        count: Number(person.count ?? 1),
        since: (person.since as string | undefined) ?? null,
        uses: (person.uses as string[] | undefined) ?? [],
      },
      holdings,
      recipients: rows,
      consents: consents
        .filter((c) => !bounds.asOf || String(c.at) <= bounds.asOf)
        .map((c) => ({
          notice: String(c.notice),
          organization: String(notices.get(String(c.notice))?.organization ?? ''),
          at: String(c.at),
          withdrawnAt: c.withdrawnAt && (!bounds.asOf || String(c.withdrawnAt) <= bounds.asOf) ? String(c.withdrawnAt) : null,
        })),
      findings,
      partial: walked.walk.partial,
      cutBy: walked.walk.cutBy,
    };
  }

  private async walkFromCategories(map: string, request: RecipientsRequest, bounds: Bounds): Promise<Walked> {
    return this.assets.read('trace.walk', async (q) => {
      const categories = request.subject ? await this.assets.categoriesOfSubjects(q, map, [request.subject]) : [request.category as string];
      const found = await this.assets.assetsOfCategories(q, map, categories, request.system ? [request.system] : null, bounds.asOf);
      const starts = request.system ? found : found.filter(isOrigin);
      const [walk] = await this.lineage.walk(q, map, [starts], 'DOWNSTREAM', bounds, bounds.asOf);
      return { bounds, categories, walk };
    });
  }

  private async person(map: string, id: string): Promise<Element> {
    return (await this.catalog.byIds('people', map, [id])).get(id) as Element;
  }

  /** A person's data starts at the systems they use, in every category about their subject found there. */
  private async walkFromPerson(map: string, person: Element, bounds: Bounds): Promise<Walked> {
    const uses = (person.uses as string[] | undefined) ?? [];
    return this.assets.read('trace.walkPerson', async (q) => {
      const categories = await this.assets.categoriesOfSubjects(q, map, [String(person.subject)]);
      const starts: AssetRef[] = uses.length > 0 ? await this.assets.assetsOfCategories(q, map, categories, uses, bounds.asOf) : [];
      const [walk] = await this.lineage.walk(q, map, [starts], 'DOWNSTREAM', bounds, bounds.asOf);
      return { bounds, categories, walk };
    });
  }

  /** The walk's flow steps as rows, with flow details, consent (for a person) and findings per step. */
  private async receipts(
    map: string,
    { bounds, categories, walk }: Walked,
    options: { includeInternal: boolean; person: string | null; collectionsAt?: string[] },
  ): Promise<{ rows: RecipientRow[]; findings: Finding[] }> {
    const flowEdges = walk.edges.filter((e) => e.kind === 'FLOW');
    const flows = await this.catalog.byIds('flows', map, flowEdges.map((e) => e.via));
    const receipts = flowEdges.filter((e) => options.includeInternal || flows.get(e.via)?.crossOrganization === true);
    const paths = receipts.map((edge) => [...chainTo(walk, edge.from, 'DOWNSTREAM'), edge]);

    // Findings for every flow and derivation on the way (and, for a person, the collections of their data).
    const targets = new Set<string>(paths.flat().map((e) => `${e.kind === 'FLOW' ? 'flow' : 'derivation'}:${e.via}`));
    if (options.person) for (const e of walk.edges) targets.add(`${e.kind === 'FLOW' ? 'flow' : 'derivation'}:${e.via}`);
    if (options.collectionsAt?.length) {
      const collections = await this.catalog.related('collections-of-systems', 'collections', map, options.collectionsAt);
      for (const list of collections.values()) {
        for (const c of list.items) if ((c.dataCategories as string[]).some((x) => categories.includes(x))) targets.add(`collection:${c.id}`);
      }
    }
    const ids = [...targets].map((t) => t.slice(t.indexOf(':') + 1));
    const findings = ids.length > 0 ? (await this.engine.evaluate(map, { asOf: bounds.asOf, targets: ids })).filter((f) => targets.has(`${f.target.kind}:${f.target.id}`)) : [];
    const rulesOn = groupRules(findings);

    const recipients = await this.catalog.byIds('organizations', map, [...flows.values()].map((f) => String(f.recipient)));
    const systems = await this.catalog.byIds('systems', map, receipts.map((e) => systemOfAsset(e.to)));
    const consent = options.person ? await this.assets.read('trace.consent', (q) => this.assets.personConsentForFlows(q, map, options.person as string, [...new Set(receipts.map((e) => e.via))], bounds.asOf)) : null;

    const rows: RecipientRow[] = [];
    receipts.forEach((edge, i) => {
      const flow = flows.get(edge.via);
      if (!flow) return;
      const recipient = recipients.get(String(flow.recipient));
      const system = systems.get(systemOfAsset(edge.to));
      const category = categoryOfAsset(edge.to);
      const purposes = (flow.purposes as string[] | undefined)?.length ? (flow.purposes as string[]) : [null];
      const path = toPath(paths[i], rulesOn);
      for (const purpose of purposes) {
        rows.push({
          organization: String(flow.recipient),
          organizationName: String(recipient?.name ?? flow.recipient),
          organizationCountry: (recipient?.country as string | undefined) ?? null,
          system: systemOfAsset(edge.to),
          systemName: String(system?.name ?? systemOfAsset(edge.to)),
          category,
          derived: paths[i].some((e) => e.kind === 'DERIVATION'),
          flow: edge.via,
          sender: String(flow.sender),
          purpose,
          basis: String(flow.basis),
          notice: (flow.notice as string | undefined) ?? null,
          crossOrganization: flow.crossOrganization === true,
          path,
          consent: consent ? coverage(consent.get(edge.via)) : null,
          findings: findings.filter((f) => f.target.kind === 'flow' && f.target.id === edge.via),
        });
      }
    });
    rows.sort(
      (a, b) =>
        a.organization.localeCompare(b.organization) ||
        a.system.localeCompare(b.system) ||
        a.category.localeCompare(b.category) ||
        a.flow.localeCompare(b.flow) ||
        String(a.purpose).localeCompare(String(b.purpose)),
    );
    return { rows, findings: findings.sort(compareFindings) };
  }
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
