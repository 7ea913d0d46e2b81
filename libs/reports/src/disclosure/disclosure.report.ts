import { Injectable } from '@nestjs/common';
import { CatalogService, CollectionRow, StoredMapInfo } from '@tadoru/catalog';
import { formatDate, formatNumber, formatPeople, Lang } from '@tadoru/common';
import { MAX_MAX_NODES } from '@tadoru/lineage';
import { PersonTrace, RecipientRow, RecipientsService, TracePath } from '@tadoru/recipients';
import { Finding } from '@tadoru/rules';
import { CellValue, Column, ReportBlock, Row, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';
import { organizationName } from '../findings/evidence-path';
import { ruleTitle, SEVERITY_LABELS, TARGET_KIND_LABELS } from '../findings/rule-guidance';
import { basisLabel, classLabel, methodLabel } from './map-terms';

/*
 * `disclosure` (APPI Art. 33 [28], including the third-party provision records of Art. 33(5)): for
 * one people entry of the map (`input.person`), the data held about them, where it came from, who
 * received it for which purpose and on which ground, their consents, and the findings on their data.
 * Everything comes from one person trace (RecipientsService.personTrace), bounded like every walk.
 *
 * JSON shape (`{ report, …keys below }`):
 * - `person` (facts): `id`, `subject` (name), `count` (people in the entry), `since` (date their data
 *   was first collected), `uses` (names of the systems that collect it).
 * - `holdings` (table, one row per system and category): `organization`, `system`, `category`,
 *   `categoryClass`, `derived` (made from other data), `steps` (flows and derivations from collection).
 * - `sources` (table, one row per collection of their data): `collection`, `organization`, `system`,
 *   `categories`, `method`, `purposes`, `notice`, `consentAtCollection`.
 * - `recipients` (table, the provision records, one row per third party, system, category, flow and
 *   purpose): `organization`, `country`, `system`, `category`, `derived`, `purpose`, `basis` (map
 *   enum), `ground` (the basis in words), `notice`, `consent` (the consent relied on; a MissingValue
 *   where the provision relies on consent the person never gave), `flow`, `validFrom`, `validTo`,
 *   `sender`, `path` (in words), `findings` (rule ids on the flow).
 * - `consents` (table): `notice`, `organization`, `givenAt`, `withdrawnAt`.
 * - `findings` (table, the findings on collections, flows and derivations their data went through):
 *   `id`, `rule`, `title`, `severity` (in the report's language), `target`, `message`, `affectedPeople`.
 * - `trace` (facts): `partial` (a bound cut the trace), `cutBy`.
 */

const T = {
  intro: {
    en: 'This report answers a request for disclosure under APPI Art. 33 [28] for the people entry "{id}" ({subject}, {count}). It lists the personal data held about them, where it came from, every third party that received it with the purpose and the ground of the provision (the records of Art. 29 and 30 that Art. 33(5) lets the person see), their consents, and the findings on their data.',
    ja: '本報告は、個人情報保護法第33条［旧第28条］に基づく開示の請求に対し、データマップ上の本人区分「{id}」（{subject}、{count}）について回答するものである。保有する個人データ、その取得元、提供を受けた第三者ごとの利用目的及び提供の根拠（第33条第5項により開示の対象となる第29条・第30条の記録）、本人の同意、並びに本人のデータに関する指摘事項を示す。',
  },
  about: { en: 'The person', ja: '本人' },
  id: { en: 'People entry', ja: '本人区分' },
  subject: { en: 'Data subject category', ja: '本人の種別' },
  count: { en: 'People in the entry', ja: '該当する本人の数' },
  since: { en: 'Data first collected', ja: '最初の取得日' },
  uses: { en: 'Services that collect their data', ja: '本人のデータを取得するサービス' },
  held: { en: 'Data held about them', ja: '保有個人データ' },
  heldText: { en: '{count} kinds of data at {systems} systems, including what was derived from them.', ja: '{systems}システムに{count}種類のデータ（加工により生成されたものを含む）。' },
  organization: { en: 'Organization', ja: '事業者' },
  system: { en: 'System', ja: 'システム' },
  category: { en: 'Data', ja: 'データ項目' },
  categoryClass: { en: 'Class under the APPI', ja: '個人情報保護法上の区分' },
  derived: { en: 'Derived', ja: '加工により生成' },
  steps: { en: 'Steps from collection', ja: '取得からの段階数' },
  sourcesHeading: { en: 'Where it came from', ja: '取得元' },
  collection: { en: 'Collection', ja: '取得' },
  categories: { en: 'Data', ja: 'データ項目' },
  method: { en: 'How it was collected', ja: '取得の方法' },
  purposes: { en: 'Purposes of use stated', ja: '利用目的' },
  notice: { en: 'Notice (privacy policy)', ja: '通知（プライバシーポリシー）' },
  consentAtCollection: { en: 'Consent at collection', ja: '取得時の同意' },
  noSources: { en: 'The map describes no collection of their data.', ja: 'データマップには本人のデータの取得の記載がない。' },
  recipientsHeading: { en: 'Who received it (provision records, APPI Art. 33(5))', ja: '提供先（第三者提供記録、第33条第5項）' },
  recipientsText: {
    en: '{count} provisions to {organizations} third parties. Where a provision relies on the person’s consent and they never gave it, the consent is marked missing.',
    ja: '第三者{organizations}者に対する提供{count}件。本人の同意を根拠とする提供で本人が同意していないものは、同意欄を未記載として示す。',
  },
  noRecipients: { en: 'No third party received their data.', ja: '本人のデータの提供を受けた第三者はない。' },
  country: { en: 'Country', ja: '国' },
  purpose: { en: 'Purpose', ja: '利用目的' },
  basis: { en: 'Basis (map)', ja: '根拠（マップ）' },
  ground: { en: 'Ground of the provision', ja: '提供の根拠' },
  consent: { en: 'Consent relied on', ja: '根拠とする本人の同意' },
  flow: { en: 'Flow', ja: 'フロー' },
  validFrom: { en: 'From', ja: '開始日' },
  validTo: { en: 'Until', ja: '終了日' },
  sender: { en: 'Provided by', ja: '提供元' },
  path: { en: 'Way the data went', ja: 'データの経路' },
  rulesBroken: { en: 'Findings on the flow', ja: 'フローに対する指摘' },
  consentGiven: { en: 'given to {notice} on {at}', ja: '{at}に{notice}に同意' },
  consentWithdrawn: { en: 'given to {notice} on {at}, withdrawn on {withdrawnAt}', ja: '{at}に{notice}に同意、{withdrawnAt}に撤回' },
  consentNotRelied: { en: 'not relied on ({ground})', ja: '同意によらない（{ground}）' },
  consentsHeading: { en: 'Their consents', ja: '本人の同意' },
  givenAt: { en: 'Given on', ja: '同意日' },
  withdrawnAt: { en: 'Withdrawn on', ja: '撤回日' },
  noConsents: { en: 'The map records no consent of theirs.', ja: 'データマップには本人の同意の記録がない。' },
  findingsHeading: { en: 'Findings on their data', ja: '本人のデータに関する指摘事項' },
  noFindings: { en: 'No rule is broken on the way their data went.', ja: '本人のデータの経路にはいずれの規定に対する違反も見当たらない。' },
  findingId: { en: 'Finding id', ja: '指摘ID' },
  rule: { en: 'Rule', ja: '規定' },
  title: { en: 'Title', ja: '表題' },
  severity: { en: 'Severity', ja: '重大度' },
  target: { en: 'Element', ja: '対象要素' },
  message: { en: 'Finding', ja: '指摘内容' },
  affectedPeople: { en: 'People affected', ja: '影響を受ける本人の数' },
  traceHeading: { en: 'Completeness', ja: '網羅性' },
  partial: { en: 'Trace cut by a bound', ja: '上限による打切り' },
  cutBy: { en: 'Bound reached', ja: '到達した上限' },
  partialText: {
    en: 'The trace was cut ({cutBy}): more systems are reached by their data than are listed. The lists above are incomplete and must be completed before the answer is sent.',
    ja: '追跡は上限（{cutBy}）により打ち切られた。本人のデータが到達するシステムは一覧より多く、上記の一覧は不完全であるため、回答前に補完が必要である。',
  },
  completeText: { en: 'The trace is complete: every system their data reaches in the map is listed.', ja: '追跡は完了しており、データマップ上で本人のデータが到達するすべてのシステムを示している。' },
} as const;

function text(name: keyof typeof T, lang: Lang, values: Record<string, string | number> = {}): string {
  return T[name][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

const column = (key: string, label: keyof typeof T, lang: Lang, kind: Column['kind'] = 'text'): Column => ({ key, label: text(label, lang), kind });

/** The consent a provision needs when it relies on one (APPI Art. 27(1)), written as the law is cited. */
const CONSENT_REQUIRED_BY = { en: 'APPI Art. 27(1)', ja: '個人情報保護法第27条第1項' };

@Injectable()
export class DisclosureReport implements ReportBuilder {
  readonly kind = 'disclosure' as const;
  readonly title = { en: 'Disclosure to the person', ja: '本人への開示' };
  readonly requires: readonly ReportOption[] = ['person'];

  constructor(
    private readonly recipients: RecipientsService,
    private readonly catalog: CatalogService,
  ) {}

  scope(input: ReportInput): ScopeEntry[] {
    return input.person ? [{ key: 'person', label: input.lang === 'ja' ? '本人区分' : 'People entry', value: input.person }] : [];
  }

  async *build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock> {
    const { lang, map } = input;
    // Unknown people entry: NOT_FOUND naming `person`, before anything is written.
    const trace = await this.recipients.personTrace({ map, person: input.person ?? '', asOf: input.asOf, maxNodes: MAX_MAX_NODES });
    progress(1, 6);
    const names = await this.namesOf(map, trace, lang);
    const subjectName = names.subject ?? trace.person.subject;

    yield { type: 'heading', level: 1, text: text('about', lang) };
    yield { type: 'paragraph', text: text('intro', lang, { id: trace.person.id, subject: subjectName, count: formatPeople(trace.person.count, lang) }) };
    yield {
      type: 'facts',
      key: 'person',
      facts: [
        { key: 'id', label: text('id', lang), kind: 'text', value: trace.person.id },
        { key: 'subject', label: text('subject', lang), kind: 'text', value: subjectName },
        { key: 'count', label: text('count', lang), kind: 'people', value: trace.person.count },
        { key: 'since', label: text('since', lang), kind: 'date', value: trace.person.since },
        { key: 'uses', label: text('uses', lang), kind: 'list', value: trace.person.uses.map((s) => names.system(s)) },
      ],
    };
    if (trace.partial) yield { type: 'paragraph', tone: 'warning', text: text('partialText', lang, { cutBy: trace.cutBy.join(', ') }) };

    yield { type: 'heading', level: 1, text: text('held', lang) };
    yield { type: 'paragraph', text: text('heldText', lang, { count: formatNumber(new Set(trace.holdings.map((h) => h.category)).size, lang), systems: formatNumber(new Set(trace.holdings.map((h) => h.system)).size, lang) }) };
    yield {
      type: 'table',
      key: 'holdings',
      columns: [column('organization', 'organization', lang), column('system', 'system', lang), column('category', 'category', lang), column('categoryClass', 'categoryClass', lang), column('derived', 'derived', lang, 'flag'), column('steps', 'steps', lang, 'number')],
      rows: trace.holdings.map((h) => ({
        organization: names.organization(h.organization),
        system: names.system(h.system),
        category: names.category(h.category),
        categoryClass: classLabel(names.categoryClass(h.category), lang),
        derived: h.derived,
        steps: h.depth,
      })),
    };
    progress(2, 6);

    yield { type: 'heading', level: 1, text: text('sourcesHeading', lang) };
    if (names.collections.length === 0) yield { type: 'paragraph', text: text('noSources', lang) };
    else
      yield {
        type: 'table',
        key: 'sources',
        columns: [
          column('collection', 'collection', lang),
          column('organization', 'organization', lang),
          column('system', 'system', lang),
          column('categories', 'categories', lang, 'list'),
          column('method', 'method', lang),
          column('purposes', 'purposes', lang, 'list'),
          column('notice', 'notice', lang),
          column('consentAtCollection', 'consentAtCollection', lang, 'flag'),
        ],
        rows: names.collections.map((c) => ({
          collection: c.id,
          organization: names.organization(names.operatorOf(c.system)),
          system: names.system(c.system),
          categories: c.dataCategories.filter((x) => names.subjectCategories.has(x)).map((x) => names.category(x)),
          method: methodLabel(c.method, lang),
          purposes: c.purposes.map((p) => names.purpose(p)),
          notice: c.notice ?? null,
          consentAtCollection: c.consent,
        })),
      };
    progress(3, 6);

    const provisions = trace.recipients.filter((r) => r.crossOrganization);
    yield { type: 'heading', level: 1, text: text('recipientsHeading', lang) };
    if (provisions.length === 0) yield { type: 'paragraph', text: text('noRecipients', lang) };
    else {
      yield { type: 'paragraph', text: text('recipientsText', lang, { count: formatNumber(provisions.length, lang), organizations: formatNumber(new Set(provisions.map((r) => r.organization)).size, lang) }) };
      yield {
        type: 'table',
        key: 'recipients',
        columns: [
          column('organization', 'organization', lang),
          column('country', 'country', lang),
          column('system', 'system', lang),
          column('category', 'category', lang),
          column('derived', 'derived', lang, 'flag'),
          column('purpose', 'purpose', lang),
          column('basis', 'basis', lang),
          column('ground', 'ground', lang),
          column('notice', 'notice', lang),
          column('consent', 'consent', lang),
          column('flow', 'flow', lang),
          column('validFrom', 'validFrom', lang, 'date'),
          column('validTo', 'validTo', lang, 'date'),
          column('sender', 'sender', lang),
          column('path', 'path', lang),
          column('findings', 'rulesBroken', lang, 'list'),
        ],
        rows: provisions.map((r) => this.recipientRow(r, names, lang)),
      };
    }
    progress(4, 6);

    yield { type: 'heading', level: 1, text: text('consentsHeading', lang) };
    if (trace.consents.length === 0) yield { type: 'paragraph', text: text('noConsents', lang) };
    else
      yield {
        type: 'table',
        key: 'consents',
        columns: [column('notice', 'notice', lang), column('organization', 'organization', lang), column('givenAt', 'givenAt', lang, 'date'), column('withdrawnAt', 'withdrawnAt', lang, 'date')],
        rows: trace.consents.map((c) => ({ notice: c.notice, organization: names.organization(c.organization), givenAt: c.at, withdrawnAt: c.withdrawnAt })),
      };

    yield { type: 'heading', level: 1, text: text('findingsHeading', lang) };
    if (trace.findings.length === 0) yield { type: 'paragraph', text: text('noFindings', lang) };
    else
      yield {
        type: 'table',
        key: 'findings',
        columns: [
          column('id', 'findingId', lang),
          column('rule', 'rule', lang),
          column('title', 'title', lang),
          column('severity', 'severity', lang),
          column('target', 'target', lang),
          column('message', 'message', lang),
          column('affectedPeople', 'affectedPeople', lang, 'people'),
        ],
        rows: trace.findings.map((f) => findingRow(f, lang)),
      };
    progress(5, 6);

    yield { type: 'heading', level: 1, text: text('traceHeading', lang) };
    yield { type: 'paragraph', tone: trace.partial ? 'warning' : 'normal', text: trace.partial ? text('partialText', lang, { cutBy: trace.cutBy.join(', ') }) : text('completeText', lang) };
    yield {
      type: 'facts',
      key: 'trace',
      facts: [
        { key: 'partial', label: text('partial', lang), kind: 'flag', value: trace.partial },
        { key: 'cutBy', label: text('cutBy', lang), kind: 'list', value: trace.cutBy },
      ],
    };
    progress(6, 6);
  }

  private recipientRow(r: RecipientRow, names: DisclosureNames, lang: Lang): Row {
    const flow = names.flows.get(r.flow);
    const ground = basisLabel(r.basis, lang);
    let consent: CellValue;
    if (r.basis !== 'CONSENT') consent = text('consentNotRelied', lang, { ground });
    else {
      const given = r.consent?.consents ?? [];
      const latest = given[given.length - 1];
      if (!r.consent?.consented || !latest) consent = { missing: true, requiredBy: CONSENT_REQUIRED_BY[lang] };
      else if (r.consent.withdrawn) consent = text('consentWithdrawn', lang, { notice: latest.notice, at: formatDate(latest.at, lang), withdrawnAt: formatDate(latest.withdrawnAt ?? '', lang) });
      else consent = text('consentGiven', lang, { notice: latest.notice, at: formatDate(latest.at, lang) });
    }
    return {
      organization: names.organization(r.organization),
      country: r.organizationCountry,
      system: names.system(r.system),
      category: names.category(r.category),
      derived: r.derived,
      purpose: r.purpose ? names.purpose(r.purpose) : null,
      basis: r.basis,
      ground,
      notice: r.notice,
      consent,
      flow: r.flow,
      validFrom: flow?.validFrom ?? null,
      validTo: flow?.validTo ?? null,
      sender: names.organization(r.sender),
      path: pathInWords(r.path, names, lang),
      findings: [...new Set(r.findings.map((f) => f.rule))],
    };
  }

  /** The names every table shows, read in a few batched lookups (the trace itself is bounded). */
  private async namesOf(map: StoredMapInfo, trace: PersonTrace, lang: Lang): Promise<DisclosureNames> {
    const systemIds = new Set<string>([...trace.person.uses, ...trace.holdings.map((h) => h.system), ...trace.recipients.flatMap((r) => r.path.systems)]);
    const [systems, subjects, collectionLists] = await Promise.all([
      this.catalog.byIds('systems', map, [...systemIds]),
      this.catalog.byIds('subjects', map, [trace.person.subject]),
      this.catalog.related('collections-of-systems', 'collections', map, trace.person.uses),
    ]);
    const subjectCategories = new Set(((await this.catalog.related('categories-of-subjects', 'dataCategories', map, [trace.person.subject])).get(trace.person.subject)?.items ?? []).map((c) => c.id));
    const collections = [...collectionLists.values()].flatMap((l) => l.items).filter((c) => c.dataCategories.some((x) => subjectCategories.has(x)));
    const organizationIds = new Set<string>([...[...systems.values()].map((s) => s.operator), ...trace.holdings.map((h) => h.organization), ...trace.consents.map((c) => c.organization), ...trace.recipients.flatMap((r) => [r.organization, r.sender])]);
    const categoryIds = new Set<string>([...trace.holdings.map((h) => h.category), ...trace.recipients.map((r) => r.category), ...collections.flatMap((c) => c.dataCategories)]);
    const purposeIds = new Set<string>([...collections.flatMap((c) => c.purposes), ...trace.recipients.flatMap((r) => (r.purpose ? [r.purpose] : []))]);
    const [organizations, categories, purposes] = await Promise.all([
      this.catalog.byIds('organizations', map, [...organizationIds]),
      this.catalog.byIds('dataCategories', map, [...categoryIds]),
      this.catalog.byIds('purposes', map, [...purposeIds]),
    ]);
    return {
      subject: subjects.get(trace.person.subject)?.name ?? null,
      subjectCategories,
      collections,
      flows: new Map(trace.elements.flows.map((f) => [f.id, f])),
      system: (id) => systems.get(id)?.name ?? id,
      operatorOf: (id) => systems.get(id)?.operator ?? '',
      organization: (id) => organizationName(organizations.get(id), id, lang),
      category: (id) => categories.get(id)?.name ?? id,
      categoryClass: (id) => categories.get(id)?.class ?? '',
      purpose: (id) => purposes.get(id)?.name ?? id,
    };
  }
}

interface DisclosureNames {
  subject: string | null;
  subjectCategories: Set<string>;
  collections: CollectionRow[];
  flows: Map<string, PersonTrace['elements']['flows'][number]>;
  system(id: string): string;
  operatorOf(system: string): string;
  organization(id: string): string;
  category(id: string): string;
  categoryClass(id: string): string;
  purpose(id: string): string;
}

function pathInWords(path: TracePath, names: DisclosureNames, lang: Lang): string {
  const steps = path.steps.map((s) =>
    s.kind === 'DERIVATION'
      ? lang === 'ja'
        ? `${names.system(s.toSystem)}で加工（${s.via}）により${names.category(s.toCategory)}を生成`
        : `derived as ${names.category(s.toCategory)} at ${names.system(s.toSystem)} (${s.via})`
      : lang === 'ja'
        ? `${names.system(s.fromSystem)}から${names.system(s.toSystem)}へ（${s.via}）`
        : `${names.system(s.fromSystem)} to ${names.system(s.toSystem)} (${s.via})`,
  );
  return steps.join(lang === 'ja' ? '→' : '; ');
}

function findingRow(f: Finding, lang: Lang): Row {
  return {
    id: f.id,
    rule: f.rule,
    title: ruleTitle({ id: f.rule, title: f.title }, lang),
    severity: SEVERITY_LABELS[f.severity][lang],
    target: `${TARGET_KIND_LABELS[f.target.kind]?.[lang] ?? f.target.kind} ${f.target.id}`,
    message: lang === 'ja' ? f.messageJa : f.message,
    affectedPeople: f.affectedPeople,
  };
}
