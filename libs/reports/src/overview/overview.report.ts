import { Injectable } from '@nestjs/common';
import { CatalogService, FlowRow, OrganizationRow } from '@tadoru/catalog';
import { Lang, Localized } from '@tadoru/common';
import { FindingsService, SEVERITIES, Severity } from '@tadoru/rules';
import { DiagramEdge, DiagramNode, networkDiagram } from '../diagram/diagrams';
import { Column, Fact, ReportBlock, Row, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';
import { elementsOf } from '../read/element-pages';

/**
 * `overview`: the map at a glance — how many of everything, organizations by corporate group, the
 * flows between them as a diagram (cross-border flows marked with the country, unlawful ones red).
 *
 * JSON: `counts` (facts: organizations, groups, systems, dataCategories, flows, crossOrganizationFlows,
 * crossBorderFlows, unlawfulFlows, derivations, peopleEntries, people, findings.<severity>), `diagram`
 * ({title, svg, alt}), `organizations` (rows: id, name, nameJa, group, country, roles, systems,
 * flowsSent, flowsReceived, findings), `crossBorderFlows` (rows: flow, from, sender, to, recipient,
 * country, dataCategories, basis, rules), `unlawfulFlows` (rows: flow, from, sender, to, recipient,
 * dataCategories, rules).
 *
 * Flows are read page by page and summed per pair of systems (or of organizations, on maps with
 * more systems than a drawing can show), so memory grows with the systems, not the flows.
 */
const MAX_DRAWN_SYSTEMS = 40;

const T = {
  counts: { en: 'What the map holds', ja: 'データマップの内容' },
  organizations: { en: 'Organizations', ja: '事業者' },
  groups: { en: 'Corporate groups', ja: '企業グループ' },
  systems: { en: 'Systems', ja: 'システム' },
  dataCategories: { en: 'Data categories', ja: 'データ項目' },
  flows: { en: 'Flows', ja: 'データの流れ' },
  crossOrganizationFlows: { en: 'Flows to another organization', ja: '他の事業者へのデータの流れ' },
  crossBorderFlows: { en: 'Cross-border flows', ja: '外国へのデータの流れ' },
  unlawfulFlows: { en: 'Flows with findings', ja: '指摘事項のあるデータの流れ' },
  derivations: { en: 'Derivations (data made from other data)', ja: '派生処理（データから作られるデータ）' },
  peopleEntries: { en: 'People entries', ja: '本人の区分' },
  people: { en: 'People', ja: '本人の数' },
  findings: { en: 'Findings ({severity})', ja: '指摘事項（{severity}）' },
  diagramSystems: { en: 'Systems and the flows between them', ja: 'システムとその間のデータの流れ' },
  diagramOrganizations: { en: 'Organizations and the flows between them ({systems} systems are too many to draw one by one)', ja: '事業者とその間のデータの流れ（システム数 {systems} のため事業者単位で表示）' },
  alt: {
    en: '{nodes} boxes and {edges} lines between them, {unlawful} of them red (with findings) and {crossBorder} crossing a border; the tables below list those flows one by one.',
    ja: '{nodes}個の枠とその間の{edges}本の線。うち{unlawful}本が赤（指摘事項あり）、{crossBorder}本が国境を越える。これらのデータの流れは下の表に一つずつ示す。',
  },
  byGroup: { en: 'Organizations by corporate group', ja: '企業グループ別の事業者' },
  noGroup: { en: '(no group)', ja: '（グループなし）' },
  none: { en: 'None.', ja: 'ありません。' },
  red: {
    en: 'Flows in red break at least one rule (stored findings of this version); a country code on a flow marks a cross-border transfer.',
    ja: '赤のデータの流れは、このバージョンの指摘事項（少なくとも一つの規則違反）があるものです。国コードの付いた矢印は外国への移転です。',
  },
  col: {
    id: { en: 'Id', ja: 'ID' },
    name: { en: 'Name', ja: '名称' },
    nameJa: { en: 'Name (Japanese)', ja: '名称（日本語）' },
    group: { en: 'Group', ja: 'グループ' },
    country: { en: 'Country', ja: '国' },
    roles: { en: 'Roles', ja: '役割' },
    systems: { en: 'Systems', ja: 'システム数' },
    flowsSent: { en: 'Flows sent', ja: '提供するデータの流れ' },
    flowsReceived: { en: 'Flows received', ja: '受領するデータの流れ' },
    findings: { en: 'Findings', ja: '指摘事項' },
    flow: { en: 'Flow', ja: 'データの流れ' },
    from: { en: 'From system', ja: '提供元システム' },
    sender: { en: 'Sender', ja: '提供元' },
    to: { en: 'To system', ja: '提供先システム' },
    recipient: { en: 'Recipient', ja: '提供先' },
    recipientCountry: { en: 'Recipient country', ja: '提供先の国' },
    dataCategories: { en: 'Data categories', ja: 'データ項目' },
    basis: { en: 'Basis', ja: '根拠' },
    rules: { en: 'Rules broken', ja: '違反する規則' },
  },
  severity: {
    critical: { en: 'critical', ja: '重大' },
    high: { en: 'high', ja: '高' },
    medium: { en: 'medium', ja: '中' },
    low: { en: 'low', ja: '低' },
  } satisfies Record<Severity, Localized>,
};

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

interface OrganizationTally {
  systems: number;
  flowsSent: number;
  flowsReceived: number;
  findings: number;
}

@Injectable()
export class OverviewReport implements ReportBuilder {
  readonly kind = 'overview' as const;
  readonly title = { en: 'Map overview', ja: 'データマップ概要' };
  readonly requires: readonly ReportOption[] = [];

  constructor(
    private readonly catalog: CatalogService,
    private readonly findings: FindingsService,
  ) {}

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock> {
    const { lang, map } = input;
    const t = (text: Localized) => text[lang];
    const column = (key: keyof typeof T.col, kind: Column['kind'] = 'text'): Column => ({ key, label: t(T.col[key]), kind });

    // Which flows break a rule, and how many findings each organization is part of (the findings of this version).
    const rulesOfFlow = new Map<string, Set<string>>();
    const findingsOfOrganization = new Map<string, number>();
    const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
    for (let after: string | null = null; ; ) {
      const page = await this.findings.list(map, { asOf: input.asOf }, { first: 1_000, after });
      for (const f of page.findings) {
        bySeverity[f.severity]++;
        for (const o of new Set(f.organizations)) findingsOfOrganization.set(o, (findingsOfOrganization.get(o) ?? 0) + 1);
        if (f.target.kind !== 'flow') continue;
        const rules = rulesOfFlow.get(f.target.id) ?? new Set<string>();
        rules.add(f.rule);
        rulesOfFlow.set(f.target.id, rules);
      }
      if (!page.hasNextPage || !page.endCursor) break;
      after = page.endCursor;
    }

    const organizations: OrganizationRow[] = [];
    for await (const o of elementsOf(this.catalog, 'organizations', map)) organizations.push(o);
    const organizationById = new Map(organizations.map((o) => [o.id, o]));
    const groupNames = new Map<string, string>();
    for await (const g of elementsOf(this.catalog, 'groups', map)) groupNames.set(g.id, g.name);
    const tally = new Map<string, OrganizationTally>(organizations.map((o) => [o.id, { systems: 0, flowsSent: 0, flowsReceived: 0, findings: findingsOfOrganization.get(o.id) ?? 0 }]));

    const systems = new Map<string, { name: string; operator: string; country: string }>();
    for await (const s of elementsOf(this.catalog, 'systems', map)) {
      systems.set(s.id, { name: s.name, operator: s.operator, country: s.country });
      const counts = tally.get(s.operator);
      if (counts) counts.systems++;
    }
    const drawSystems = systems.size <= MAX_DRAWN_SYSTEMS;

    // Flows, summed per drawn pair; the cross-border and unlawful ones are listed (they are the few a reader looks for).
    let flowCount = 0;
    let crossOrganization = 0;
    const crossBorder: Row[] = [];
    const unlawful: Row[] = [];
    const edges = new Map<string, DiagramEdge & { flows: number }>();
    const homeCountry = (o: string) => organizationById.get(o)?.country ?? null;
    const nameOf = (o: string) => organizationName(organizationById.get(o), lang) ?? o;
    for await (const f of elementsOf(this.catalog, 'flows', map, { asOf: input.asOf }, (read, total) => progress(read, total))) {
      flowCount++;
      const senderTally = tally.get(f.sender);
      const recipientTally = tally.get(f.recipient);
      if (f.crossOrganization) {
        crossOrganization++;
        if (senderTally) senderTally.flowsSent++;
        if (recipientTally) recipientTally.flowsReceived++;
      }
      const rules = [...(rulesOfFlow.get(f.id) ?? [])].sort();
      const foreign = isCrossBorder(f, systems.get(f.from)?.country ?? homeCountry(f.sender));
      const row = (): Row => ({ flow: f.id, from: f.from, sender: nameOf(f.sender), to: f.to, recipient: nameOf(f.recipient), dataCategories: f.dataCategories, rules });
      if (foreign) crossBorder.push({ ...row(), recipientCountry: f.recipientCountry, basis: f.basis });
      if (rules.length > 0) unlawful.push(row());
      const [a, b] = drawSystems ? [f.from, f.to] : [f.sender, f.recipient];
      if (a === b) continue;
      const key = `${a}\u0000${b}`;
      const edge = edges.get(key) ?? { from: a, to: b, label: '', flows: 0 };
      edge.flows++;
      if (rules.length > 0) edge.unlawful = true;
      if (foreign && f.recipientCountry) edge.crossBorder = f.recipientCountry;
      edges.set(key, edge);
    }
    const derivationCount = (await this.catalog.list('derivations', map, { asOf: input.asOf }, { first: 0 })).totalCount;
    let peopleEntries = 0;
    let people = 0;
    for await (const p of elementsOf(this.catalog, 'people', map)) {
      peopleEntries++;
      people += p.count;
    }

    const facts: Fact[] = [
      { key: 'organizations', label: t(T.organizations), kind: 'number', value: organizations.length },
      { key: 'groups', label: t(T.groups), kind: 'number', value: groupNames.size },
      { key: 'systems', label: t(T.systems), kind: 'number', value: systems.size },
      { key: 'dataCategories', label: t(T.dataCategories), kind: 'number', value: map.counts.dataCategories ?? 0 },
      { key: 'flows', label: t(T.flows), kind: 'number', value: flowCount },
      { key: 'crossOrganizationFlows', label: t(T.crossOrganizationFlows), kind: 'number', value: crossOrganization },
      { key: 'crossBorderFlows', label: t(T.crossBorderFlows), kind: 'number', value: crossBorder.length },
      { key: 'unlawfulFlows', label: t(T.unlawfulFlows), kind: 'number', value: unlawful.length },
      { key: 'derivations', label: t(T.derivations), kind: 'number', value: derivationCount },
      { key: 'peopleEntries', label: t(T.peopleEntries), kind: 'number', value: peopleEntries },
      { key: 'people', label: t(T.people), kind: 'people', value: people },
      ...SEVERITIES.map((s): Fact => ({ key: `findings.${s}`, label: fill(t(T.findings), { severity: t(T.severity[s]) }), kind: 'number', value: bySeverity[s] })),
    ];
    yield { type: 'heading', level: 2, text: t(T.counts) };
    yield { type: 'facts', key: 'counts', facts };

    // The drawing: systems grouped by operator, or organizations grouped by corporate group.
    const nodes: DiagramNode[] = drawSystems
      ? [...systems].map(([id, s]) => ({ id, label: s.name, group: nameOf(s.operator), country: s.country !== homeCountry(s.operator) ? s.country : undefined }))
      : organizations.map((o) => ({ id: o.id, label: organizationName(o, lang) ?? o.id, group: o.group ? groupNames.get(o.group) ?? o.group : undefined }));
    // Unlabelled: the tables below name every cross-border and unlawful flow; a label per line would bury the drawing.
    const drawnEdges: DiagramEdge[] = [...edges.values()].map(({ flows: _flows, ...e }) => ({ ...e, label: '' }));
    const unlawfulTargets = new Set(drawnEdges.filter((e) => e.unlawful).map((e) => e.to));
    for (const n of nodes) if (unlawfulTargets.has(n.id)) n.unlawful = true;
    const title = drawSystems ? t(T.diagramSystems) : fill(t(T.diagramOrganizations), { systems: systems.size });
    const alt = fill(t(T.alt), { nodes: nodes.length, edges: drawnEdges.length, unlawful: drawnEdges.filter((e) => e.unlawful).length, crossBorder: drawnEdges.filter((e) => e.crossBorder).length });
    yield { type: 'page-break' };
    yield networkDiagram('diagram', title, nodes, drawnEdges, alt);
    yield { type: 'paragraph', text: t(T.red), tone: 'note' };

    yield { type: 'heading', level: 2, text: t(T.byGroup) };
    const byGroup = [...organizations].sort((a, b) => (a.group ?? '\uffff').localeCompare(b.group ?? '\uffff') || a.seq - b.seq);
    yield {
      type: 'table',
      key: 'organizations',
      columns: [column('id'), column('name'), column('nameJa'), column('group'), column('country'), column('roles', 'list'), column('systems', 'number'), column('flowsSent', 'number'), column('flowsReceived', 'number'), column('findings', 'number')],
      rows: byGroup.map((o) => {
        const counts = tally.get(o.id)!;
        return { id: o.id, name: o.name, nameJa: o.nameJa ?? null, group: o.group ? groupNames.get(o.group) ?? o.group : t(T.noGroup), country: o.country, roles: o.roles, ...counts };
      }),
    };

    yield { type: 'heading', level: 2, text: t(T.crossBorderFlows) };
    if (crossBorder.length === 0) yield { type: 'paragraph', text: t(T.none) };
    yield {
      type: 'table',
      key: 'crossBorderFlows',
      columns: [column('flow'), column('from'), column('sender'), column('to'), column('recipient'), column('recipientCountry'), column('dataCategories', 'list'), column('basis'), column('rules', 'list')],
      rows: crossBorder,
    };
    yield { type: 'heading', level: 2, text: t(T.unlawfulFlows) };
    if (unlawful.length === 0) yield { type: 'paragraph', text: t(T.none) };
    yield {
      type: 'table',
      key: 'unlawfulFlows',
      columns: [column('flow'), column('from'), column('sender'), column('to'), column('recipient'), column('dataCategories', 'list'), column('rules', 'list')],
      rows: unlawful,
    };
  }
}

function organizationName(o: OrganizationRow | undefined, lang: Lang): string | undefined {
  if (!o) return undefined;
  return lang === 'ja' && o.nameJa ? o.nameJa : o.name;
}

/** A flow leaves the sender's country when the recipient's system runs in another one. */
function isCrossBorder(f: FlowRow, senderCountry: string | null): boolean {
  return Boolean(f.recipientCountry && senderCountry && f.recipientCountry !== senderCountry);
}
