import { Injectable } from '@nestjs/common';
import { CatalogService, DataCategoryRow, DerivationRow, FlowRow, OrganizationRow, PeopleRow, StoredMapInfo, SystemRow } from '@tadoru/catalog';
import { checkAsOf, formatDate, formatNumber, formatPeople, InvalidInputError, Lang, NotFoundError, Problem } from '@tadoru/common';
import { LineageNode, LineageResult, LineageService, MAX_MAX_DEPTH, MAX_MAX_NODES } from '@tadoru/lineage';
import { CellValue, Fact, missingItem as missing, ReportBlock, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';
import { organizationName } from '../findings/evidence-path';
import { classLabel } from '../disclosure/map-terms';

/*
 * `breach` (APPI Art. 26 [22-2]; PPC Rules 7–8): the scope of a compromise of one system
 * (`input.system`) that began on `input.since`. The people and categories affected (the data at the
 * system, what was derived there, everything downstream that received data from it), the Rule 7
 * triggers that make a report to the PPC mandatory, a draft of the preliminary report's items
 * (Rule 8(1) items 1–9) and its timing. What the map cannot tell is a MissingValue for the DPO to fill.
 *
 * JSON shape (`{ report, …keys below }`):
 * - `incident` (facts): `system`, `operator`, `since`, `affectedPeople` (sum of the affected people
 *   entries' counts), `categories` (kinds of data at the system), `downstreamOrganizations` (count).
 * - `affectedPeople` (table, one row per people entry whose data reaches the system): `id`, `subject`,
 *   `count`, `since`, `uses` (system names).
 * - `categories` (table, one row per system and category in scope): `system`, `organization`,
 *   `category`, `categoryClass`, `personalData` (PERSONAL or SPECIAL_CARE), `specialCare`, `subject`,
 *   `derived` (output by a derivation at its system), `atCompromisedSystem`, `steps` (from the compromised
 *   system), `via` (the flows and derivations it was first reached by).
 * - `derivations` (table, derivations at the systems in scope that output data in scope): `id`, `system`, `inputs`, `outputs`, `validFrom`, `validTo`.
 * - `downstreamOrganizations` (table, every organization downstream of the system): `organization`,
 *   `country`, `sameOrganization`, `systems`, `categories`, `flows`, `receivedSinceCompromise` (a flow
 *   of it was in force on or after `since`).
 * - `triggers` (facts, PPC Rules 7(i)–(iv)): `specialCare` (flag), `specialCareCategories`,
 *   `financialLoss` (MissingValue: the map has no such class), `wrongfulPurpose` (MissingValue),
 *   `moreThan1000` (flag), `affectedPeople`, `reportMandatory` (true when a trigger the map decides
 *   holds; a MissingValue when it turns on the triggers to be filled).
 * - `preliminaryReport` (facts, Rule 8(1) items 1–9): `overview`, `items` (the data at the system that is
 *   or may be personal data, its class named where not plainly personal), `principals`, `cause`,
 *   `secondaryDamage`, `responseToPrincipals`, `publication`, `recurrencePrevention`, `other`.
 * - `timing` (facts): `since`, `awareOn` (MissingValue: the deadlines run from it), `preliminary`,
 *   `final`, `finalDueAtTheEarliest`, `finalDueAtTheEarliestTrigger3` (counted as if the business
 *   became aware on `since`), `countedFrom`.
 * - `walk` (facts): `partial`, `cutBy`, `peopleListsCut`.
 */

const T = {
  incident: { en: 'The incident', ja: '事案' },
  system: { en: 'Compromised system', ja: '漏えい等が発生したシステム' },
  operator: { en: 'Operated by', ja: '運営事業者' },
  since: { en: 'Compromise began on', ja: '漏えい等の開始日' },
  affectedPeople: { en: 'People affected', ja: '影響を受ける本人の数' },
  categoriesCount: { en: 'Kinds of data at the system', ja: 'システム上のデータ項目の数' },
  downstreamCount: { en: 'Organizations downstream', ja: '提供先等の事業者の数' },
  intro: {
    en: 'Scope of a possible leak, loss or damage (漏えい等) at {system}, operated by {operator}, from {since}: the data held there, what was derived from it, and every system and organization downstream that received data from it, read from map version {version}{asOf}.',
    ja: '{operator}が運営する{system}において{since}から発生した漏えい等（そのおそれを含む）の影響範囲。当該システムが保有するデータ、そこから加工により生成されたデータ、及び当該システムからデータを受領した下流のすべてのシステム・事業者を、データマップのバージョン{version}{asOf}から示す。',
  },
  asOfClause: { en: ' as of {date}', ja: '（基準日 {date}）' },
  peopleHeading: { en: 'People affected', ja: '影響を受ける本人' },
  peopleText: {
    en: '{count} in {entries} people entries whose data reaches the system.',
    ja: '当該システムにデータが到達する本人区分{entries}件、計{count}。',
  },
  noPeople: { en: 'No people entry of the map has data that reaches the system: the number of principals must be filled in.', ja: 'データマップ上、当該システムにデータが到達する本人区分はない。本人の数は別途記入が必要である。' },
  id: { en: 'People entry', ja: '本人区分' },
  subject: { en: 'Data subject category', ja: '本人の種別' },
  count: { en: 'People', ja: '本人の数' },
  entrySince: { en: 'Data first collected', ja: '最初の取得日' },
  uses: { en: 'Collected at', ja: '取得するシステム' },
  categoriesHeading: { en: 'Data affected', ja: '影響を受けるデータ' },
  categoriesText: {
    en: 'The data at the compromised system ({own} kinds) and downstream of it. APPI Art. 26 concerns personal data (classes personal data and special care-required); the other classes are listed for completeness (personally referable information that the holder links to a person is personal data as well).',
    ja: '漏えい等が発生したシステムのデータ（{own}項目）及びその下流のデータ。個人情報保護法第26条の対象は個人データ（個人データ及び要配慮個人情報の区分）であるが、網羅のためその他の区分も示す（保有者において本人と結び付く個人関連情報は個人データに当たる）。',
  },
  category: { en: 'Data', ja: 'データ項目' },
  categoryClass: { en: 'Class under the APPI', ja: '個人情報保護法上の区分' },
  personalData: { en: 'Personal data', ja: '個人データ' },
  specialCare: { en: 'Special care-required', ja: '要配慮個人情報' },
  derived: { en: 'Derived', ja: '加工により生成' },
  atCompromisedSystem: { en: 'At the compromised system', ja: '発生元システム' },
  steps: { en: 'Steps from the system', ja: '発生元からの段階数' },
  via: { en: 'Reached by', ja: '経由したフロー・加工' },
  organization: { en: 'Organization', ja: '事業者' },
  derivedHeading: { en: 'What was derived', ja: '加工により生成されたデータ' },
  noDerivations: { en: 'Nothing is derived from the data in scope.', ja: '影響範囲のデータから加工により生成されたデータはない。' },
  derivation: { en: 'Derivation', ja: '加工' },
  inputs: { en: 'Inputs', ja: '入力' },
  outputs: { en: 'Outputs', ja: '出力' },
  validFrom: { en: 'From', ja: '開始日' },
  validTo: { en: 'Until', ja: '終了日' },
  downstreamHeading: { en: 'Organizations downstream', ja: '下流の事業者' },
  downstreamText: { en: '{count} organizations received data from the system, directly or through other systems: {names}.', ja: '{count}事業者が、直接又は他のシステムを経由して当該システムからデータを受領している：{names}。' },
  noDownstream: { en: 'No flow leaves the system: only its own data is affected.', ja: '当該システムからのフローはなく、影響を受けるのは当該システムのデータのみである。' },
  country: { en: 'Country', ja: '国' },
  sameOrganization: { en: 'Same organization', ja: '同一事業者' },
  systems: { en: 'Systems', ja: 'システム' },
  categories: { en: 'Data received', ja: '受領したデータ項目' },
  flows: { en: 'Flows', ja: 'フロー' },
  receivedSinceCompromise: { en: 'Received on or after the compromise began', ja: '漏えい等の開始日以降の受領' },
  triggersHeading: { en: 'Is a report to the PPC mandatory? (PPC Rules 7)', ja: '個人情報保護委員会への報告の要否（施行規則第7条）' },
  triggersText: {
    en: 'A report to the PPC and a notice to the people (APPI Art. 26(1)–(2)) are required when any of the four situations of Rule 7 applies; (i) to (iii) apply even for a single person. Triggers the map cannot decide are marked for the DPO to fill.',
    ja: '施行規則第7条各号のいずれかに該当する場合、個人情報保護委員会への報告及び本人への通知（法第26条第1項・第2項）が必要となる。第1号から第3号は本人が1名であっても該当する。データマップから判断できない事由は、担当者が記入する欄として示す。',
  },
  specialCareTrigger: { en: '(i) Special care-required personal data involved', ja: '（1）要配慮個人情報が含まれる' },
  specialCareCategories: { en: 'Special care-required data', ja: '要配慮個人情報の項目' },
  financialLoss: { en: '(ii) Data whose misuse may cause financial loss', ja: '（2）不正に利用されることにより財産的被害が生じるおそれがある個人データ' },
  wrongfulPurpose: { en: '(iii) Possibly done with a wrongful purpose', ja: '（3）不正の目的をもって行われたおそれがある' },
  moreThan1000: { en: '(iv) More than 1,000 people', ja: '（4）本人の数が1,000人を超える' },
  reportMandatory: { en: 'Report to the PPC mandatory', ja: '報告義務' },
  financialLossNote: {
    en: 'The map has no class for data that could cause financial loss (card numbers, banking credentials): trigger (ii) cannot be decided from it.',
    ja: 'データマップには財産的被害が生じるおそれのあるデータ（クレジットカード番号、インターネットバンキングの認証情報等）の区分がないため、第2号はデータマップから判断できない。',
  },
  draftHeading: { en: 'Draft of the preliminary report (PPC Rules 8(1))', ja: '速報の記載事項（案）（施行規則第8条第1項）' },
  overview: { en: '1. Overview', ja: '1. 概要' },
  items: { en: '2. Items of personal data leaked or possibly leaked', ja: '2. 漏えい等が発生し、又は発生したおそれがある個人データの項目' },
  principals: { en: '3. Number of principals', ja: '3. 本人の数' },
  cause: { en: '4. Cause', ja: '4. 原因' },
  secondaryDamage: { en: '5. Secondary damage or its risk, and its content', ja: '5. 二次被害又はそのおそれの有無及びその内容' },
  responseToPrincipals: { en: '6. Response to the principals', ja: '6. 本人への対応の実施状況' },
  publication: { en: '7. Publication', ja: '7. 公表の実施状況' },
  recurrencePrevention: { en: '8. Measures to prevent recurrence', ja: '8. 再発防止のための措置' },
  other: { en: '9. Other reference matters', ja: '9. その他参考となる事項' },
  overviewText: {
    en: 'Since {since}, {system} operated by {operator} has been compromised. It holds {count} kinds of data about {people}{derived}. Data from it was provided to {downstream} other organizations{names}.',
    ja: '{since}以降、{operator}が運営する{system}において漏えい等が発生した（そのおそれを含む）。当該システムは{people}に関する{count}項目のデータを保有している{derived}。当該システムのデータは他の{downstream}事業者に提供されている{names}。',
  },
  overviewDerived: { en: ', including data derived there ({derived})', ja: '（うち当該システムで加工により生成されたもの：{derived}）' },
  otherText: {
    en: 'Organizations downstream that received data from the system: {names}. The scope was read from the data map (version {version}); {cut}.',
    ja: '当該システムからデータを受領した下流の事業者：{names}。影響範囲はデータマップ（バージョン{version}）から作成した。{cut}。',
  },
  walkComplete: { en: 'every system reached is listed', ja: '到達するすべてのシステムを示している' },
  walkCut: { en: 'the walk was cut by a bound ({cutBy}), so more may be affected than is listed', ja: '探索が上限（{cutBy}）により打ち切られたため、影響範囲は一覧より広い可能性がある' },
  timingHeading: { en: 'Timing', ja: '報告の期限' },
  timingText: {
    en: 'The deadlines run from the day the business became aware of the incident (PPC Rules 8(1)–(2)), not from the day the compromise began: enter that day. The earliest deadlines below assume it became aware on the day it began; a later awareness moves them later.',
    ja: '期限は漏えい等の開始日ではなく、事業者が当該事態を知った日から起算する（施行規則第8条第1項・第2項）。知った日を記入すること。下記の最も早い期限は、開始日に知ったと仮定したものであり、知った日が遅ければ期限も遅くなる。',
  },
  awareOn: { en: 'Day the business became aware', ja: '事態を知った日' },
  preliminary: { en: 'Preliminary report (速報)', ja: '速報' },
  preliminaryText: { en: 'promptly after becoming aware (in practice within about 3–5 days)', ja: '知った後、速やかに（実務上おおむね3～5日以内）' },
  final: { en: 'Final report (確報)', ja: '確報' },
  finalText: { en: 'within 30 days after becoming aware; 60 days where trigger (iii) applies', ja: '知った日から30日以内（第3号に該当する場合は60日以内）' },
  finalDueAtTheEarliest: { en: 'Final report due at the earliest', ja: '確報の期限（最も早い場合）' },
  finalDueAtTheEarliestTrigger3: { en: 'Final report due at the earliest, trigger (iii)', ja: '確報の期限（最も早い場合、第3号該当時）' },
  countedFrom: { en: 'Deadlines counted from', ja: '期限の起算日' },
  countedFromText: { en: 'the day the business became aware of the incident', ja: '事業者が当該事態を知った日' },
  noticeText: {
    en: 'The people concerned must also be notified promptly (APPI Art. 26(2); PPC Rules 10) of items 1, 2, 4, 5 and 9, or, where notice is difficult, an alternative measure such as publication taken. A trustee that notifies the entrusting business is exempt from reporting (Art. 26(1) proviso).',
    ja: '本人に対しても、速やかに第1号、第2号、第4号、第5号及び第9号の事項を通知しなければならない（法第26条第2項、施行規則第10条）。通知が困難な場合は、公表等の代替措置をとる。委託元に通知した委託先は報告を要しない（法第26条第1項ただし書）。',
  },
  walkHeading: { en: 'Completeness', ja: '網羅性' },
  partial: { en: 'Walk cut by a bound', ja: '上限による打切り' },
  cutBy: { en: 'Bound reached', ja: '到達した上限' },
  peopleListsCut: { en: 'People lists cut', ja: '本人区分一覧の打切り' },
} as const;

function text(name: keyof typeof T, lang: Lang, values: Record<string, string | number> = {}): string {
  return T[name][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

const RULE_8 = (item: string, lang: Lang) => (lang === 'ja' ? `施行規則第8条第1項第${item}号` : `PPC Rules 8(1)(${item})`);
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'];
const DAY_MS = 86_400_000;
/** Systems whose people entries are read in one lookup (each list capped at the catalogue's relation cap). */
const PEOPLE_LOOKUP_SYSTEMS = 100;

/** What the walks found, with the elements it names. */
interface BreachScope {
  system: SystemRow;
  downstream: LineageResult;
  upstream: LineageResult;
  people: PeopleRow[];
  peopleListsCut: boolean;
  systems: Map<string, SystemRow>;
  organizations: Map<string, OrganizationRow>;
  categories: Map<string, DataCategoryRow>;
  flows: Map<string, FlowRow>;
  subjects: Map<string, string>;
}

@Injectable()
export class BreachReport implements ReportBuilder {
  readonly kind = 'breach' as const;
  readonly title = { en: 'Breach scope', ja: '漏えい等の影響範囲' };
  readonly requires: readonly ReportOption[] = ['system', 'since'];

  constructor(
    private readonly lineage: LineageService,
    private readonly catalog: CatalogService,
  ) {}

  scope(input: ReportInput): ScopeEntry[] {
    const ja = input.lang === 'ja';
    const out: ScopeEntry[] = [];
    if (input.system) out.push({ key: 'system', label: ja ? '漏えい等が発生したシステム' : 'Compromised system', value: input.system });
    if (input.since) out.push({ key: 'since', label: ja ? '漏えい等の開始日' : 'Compromise began on', value: formatDate(input.since, input.lang) });
    return out;
  }

  async *build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock> {
    const { lang } = input;
    const since = checkedSince(input.since);
    const scope = await this.scopeOf(input.map, input.system ?? '', input.asOf);
    progress(1, 4);
    const s = scope.system;
    const systemLabel = scope.systems.get(s.id)?.name ?? s.id;
    const operator = organizationName(scope.organizations.get(s.operator), s.operator, lang);
    const nodes = scope.downstream.nodes;
    const own = nodes.filter((n) => n.system === s.id);
    const elsewhere = nodes.filter((n) => n.system !== s.id);
    const peopleCount = scope.people.reduce((sum, p) => sum + p.count, 0);
    const downstreamOrgs = downstreamOrganizations(scope, since);
    const derivations = await this.derivationsOf(input.map, scope, input.asOf);
    const derivedAt = new Set(derivations.flatMap((d) => d.outputs.map((o) => `${d.system}/${o}`)));
    const isDerived = (n: LineageNode) => derivedAt.has(`${n.system}/${n.category}`) || n.reachedVia.some((e) => e.kind === 'DERIVATION');
    const derivedHere = own.filter((n) => isDerived(n));
    const cut = scope.downstream.partial || scope.upstream.partial || scope.peopleListsCut;
    const cutBy = [...new Set([...scope.downstream.cutBy, ...scope.upstream.cutBy])];
    const category = (id: string) => scope.categories.get(id)?.name ?? id;
    const org = (id: string) => organizationName(scope.organizations.get(id), id, lang);
    const sys = (id: string) => scope.systems.get(id)?.name ?? id;
    const otherOrgs = downstreamOrgs.filter((o) => !o.sameOrganization);
    const otherNames = otherOrgs.map((o) => org(o.organization)).join(lang === 'ja' ? '、' : ', ');

    yield { type: 'heading', level: 1, text: text('incident', lang) };
    yield { type: 'paragraph', text: text('intro', lang, { system: systemLabel, operator, since: formatDate(since, lang), version: input.version, asOf: input.asOf ? text('asOfClause', lang, { date: formatDate(input.asOf, lang) }) : '' }) };
    yield {
      type: 'facts',
      key: 'incident',
      facts: [
        { key: 'system', label: text('system', lang), kind: 'text', value: `${systemLabel} (${s.id})` },
        { key: 'operator', label: text('operator', lang), kind: 'text', value: operator },
        { key: 'since', label: text('since', lang), kind: 'date', value: since },
        { key: 'affectedPeople', label: text('affectedPeople', lang), kind: 'people', value: scope.people.length > 0 ? peopleCount : missing(RULE_8('3', lang)) },
        { key: 'categories', label: text('categoriesCount', lang), kind: 'number', value: new Set(own.map((n) => n.category)).size },
        { key: 'downstreamOrganizations', label: text('downstreamCount', lang), kind: 'number', value: otherOrgs.length },
      ],
    };
    if (cut) yield { type: 'paragraph', tone: 'warning', text: capitalise(text('walkCut', lang, { cutBy: cutBy.join(', ') || 'maxNodes' })) + (lang === 'ja' ? '。' : '.') };

    yield { type: 'heading', level: 1, text: text('peopleHeading', lang) };
    if (scope.people.length === 0) yield { type: 'paragraph', tone: 'warning', text: text('noPeople', lang) };
    else {
      yield { type: 'paragraph', text: text('peopleText', lang, { count: formatPeople(peopleCount, lang), entries: formatNumber(scope.people.length, lang) }) };
      yield {
        type: 'table',
        key: 'affectedPeople',
        columns: [
          { key: 'id', label: text('id', lang), kind: 'text' },
          { key: 'subject', label: text('subject', lang), kind: 'text' },
          { key: 'count', label: text('count', lang), kind: 'people' },
          { key: 'since', label: text('entrySince', lang), kind: 'date' },
          { key: 'uses', label: text('uses', lang), kind: 'list' },
        ],
        rows: scope.people.map((p) => ({ id: p.id, subject: scope.subjects.get(p.subject) ?? p.subject, count: p.count, since: p.since ?? null, uses: p.uses.map(sys) })),
      };
    }
    progress(2, 4);

    yield { type: 'heading', level: 1, text: text('categoriesHeading', lang) };
    yield { type: 'paragraph', text: text('categoriesText', lang, { own: formatNumber(new Set(own.map((n) => n.category)).size, lang) }) };
    yield {
      type: 'table',
      key: 'categories',
      columns: [
        { key: 'system', label: text('systems', lang), kind: 'text' },
        { key: 'organization', label: text('organization', lang), kind: 'text' },
        { key: 'category', label: text('category', lang), kind: 'text' },
        { key: 'categoryClass', label: text('categoryClass', lang), kind: 'text' },
        { key: 'personalData', label: text('personalData', lang), kind: 'flag' },
        { key: 'specialCare', label: text('specialCare', lang), kind: 'flag' },
        { key: 'subject', label: text('subject', lang), kind: 'text' },
        { key: 'derived', label: text('derived', lang), kind: 'flag' },
        { key: 'atCompromisedSystem', label: text('atCompromisedSystem', lang), kind: 'flag' },
        { key: 'steps', label: text('steps', lang), kind: 'number' },
        { key: 'via', label: text('via', lang), kind: 'list' },
      ],
      rows: [...own, ...elsewhere].map((n) => {
        const c = scope.categories.get(n.category);
        return {
          system: sys(n.system),
          organization: org(scope.systems.get(n.system)?.operator ?? ''),
          category: category(n.category),
          categoryClass: c ? classLabel(c.class, lang) : null,
          personalData: c ? isPersonal(c) : null,
          specialCare: c ? c.class === 'SPECIAL_CARE' : null,
          subject: c ? (scope.subjects.get(c.subject) ?? c.subject) : null,
          derived: isDerived(n),
          atCompromisedSystem: n.system === s.id,
          steps: n.depth,
          via: [...new Set(n.reachedVia.map((e) => e.via))],
        };
      }),
    };

        yield { type: 'heading', level: 1, text: text('derivedHeading', lang) };
    if (derivations.length === 0) yield { type: 'paragraph', text: text('noDerivations', lang) };
    else
      yield {
        type: 'table',
        key: 'derivations',
        columns: [
          { key: 'id', label: text('derivation', lang), kind: 'text' },
          { key: 'system', label: text('systems', lang), kind: 'text' },
          { key: 'inputs', label: text('inputs', lang), kind: 'list' },
          { key: 'outputs', label: text('outputs', lang), kind: 'list' },
          { key: 'validFrom', label: text('validFrom', lang), kind: 'date' },
          { key: 'validTo', label: text('validTo', lang), kind: 'date' },
        ],
        rows: derivations.map((d) => ({ id: d.id, system: sys(d.system), inputs: d.inputs.map(category), outputs: d.outputs.map(category), validFrom: d.validFrom ?? null, validTo: d.validTo ?? null })),
      };

    yield { type: 'heading', level: 1, text: text('downstreamHeading', lang) };
    if (downstreamOrgs.length === 0) yield { type: 'paragraph', text: text('noDownstream', lang) };
    else {
      yield { type: 'paragraph', text: text('downstreamText', lang, { count: formatNumber(otherOrgs.length, lang), names: otherNames || '—' }) };
      yield {
        type: 'table',
        key: 'downstreamOrganizations',
        columns: [
          { key: 'organization', label: text('organization', lang), kind: 'text' },
          { key: 'country', label: text('country', lang), kind: 'text' },
          { key: 'sameOrganization', label: text('sameOrganization', lang), kind: 'flag' },
          { key: 'systems', label: text('systems', lang), kind: 'list' },
          { key: 'categories', label: text('categories', lang), kind: 'list' },
          { key: 'flows', label: text('flows', lang), kind: 'list' },
          { key: 'receivedSinceCompromise', label: text('receivedSinceCompromise', lang), kind: 'flag' },
        ],
        rows: downstreamOrgs.map((o) => ({
          organization: org(o.organization),
          country: scope.organizations.get(o.organization)?.country ?? null,
          sameOrganization: o.sameOrganization,
          systems: o.systems.map(sys),
          categories: o.categories.map(category),
          flows: o.flows,
          receivedSinceCompromise: o.receivedSinceCompromise,
        })),
      };
    }
    progress(3, 4);

    const specialCare = [...new Set(nodes.map((n) => n.category))].filter((id) => scope.categories.get(id)?.class === 'SPECIAL_CARE');
    const moreThan1000 = peopleCount > 1000;
    const reportMandatory: CellValue = specialCare.length > 0 || moreThan1000 ? true : missing(lang === 'ja' ? '施行規則第7条第2号・第3号' : 'PPC Rules 7(ii)-(iii)');
    yield { type: 'heading', level: 1, text: text('triggersHeading', lang) };
    yield { type: 'paragraph', text: text('triggersText', lang) };
    yield {
      type: 'facts',
      key: 'triggers',
      facts: [
        { key: 'specialCare', label: text('specialCareTrigger', lang), kind: 'flag', value: specialCare.length > 0 },
        { key: 'specialCareCategories', label: text('specialCareCategories', lang), kind: 'list', value: specialCare.map(category) },
        { key: 'financialLoss', label: text('financialLoss', lang), kind: 'flag', value: missing(lang === 'ja' ? '施行規則第7条第2号' : 'PPC Rules 7(ii)') },
        { key: 'wrongfulPurpose', label: text('wrongfulPurpose', lang), kind: 'flag', value: missing(lang === 'ja' ? '施行規則第7条第3号' : 'PPC Rules 7(iii)') },
        { key: 'moreThan1000', label: text('moreThan1000', lang), kind: 'flag', value: moreThan1000 },
        { key: 'affectedPeople', label: text('affectedPeople', lang), kind: 'people', value: peopleCount },
        { key: 'reportMandatory', label: text('reportMandatory', lang), kind: 'flag', value: reportMandatory },
      ],
    };
    yield { type: 'paragraph', tone: 'note', text: text('financialLossNote', lang) };

    const ownCategories = [...new Set(own.map((n) => n.category))];
    const derivedNames = [...new Set(derivedHere.map((n) => category(n.category)))];
    // Category names have commas of their own: English lists of them are split by semicolons.
    const listSep = lang === 'ja' ? '、' : '; ';
    const walkWords = cut ? text('walkCut', lang, { cutBy: cutBy.join(', ') || 'maxNodes' }) : text('walkComplete', lang);
    const overview = text('overviewText', lang, {
      since: formatDate(since, lang),
      system: systemLabel,
      operator,
      count: formatNumber(ownCategories.length, lang),
      people: scope.people.length > 0 ? formatPeople(peopleCount, lang) : lang === 'ja' ? '本人' : 'people',
      derived: derivedNames.length > 0 ? text('overviewDerived', lang, { derived: derivedNames.join(listSep) }) : '',
      downstream: formatNumber(otherOrgs.length, lang),
      names: otherOrgs.length > 0 ? (lang === 'ja' ? `（${otherNames}）` : ` (${otherNames})`) : '',
    });
    yield { type: 'heading', level: 1, text: text('draftHeading', lang) };
    const item = (key: string, label: keyof typeof T, value: CellValue, kind: Fact['kind'] = 'text'): Fact => ({ key, label: text(label, lang), kind, value });
    const needed = (n: number) => missing(RULE_8(lang === 'ja' ? String(n) : ROMAN[n - 1], lang));
    yield {
      type: 'facts',
      key: 'preliminaryReport',
      facts: [
        item('overview', 'overview', overview),
        item('items', 'items', ownCategories.filter((id) => mayBePersonal(scope, id)).map((id) => itemName(scope, id, lang)), 'list'),
        item('principals', 'principals', scope.people.length > 0 ? peopleCount : needed(3), 'people'),
        item('cause', 'cause', needed(4)),
        item('secondaryDamage', 'secondaryDamage', needed(5)),
        item('responseToPrincipals', 'responseToPrincipals', needed(6)),
        item('publication', 'publication', needed(7)),
        item('recurrencePrevention', 'recurrencePrevention', needed(8)),
        item('other', 'other', text('otherText', lang, { names: otherNames || '—', version: input.version, cut: walkWords })),
      ],
    };

    yield { type: 'heading', level: 1, text: text('timingHeading', lang) };
    yield { type: 'paragraph', text: text('timingText', lang) };
    yield {
      type: 'facts',
      key: 'timing',
      facts: [
        { key: 'since', label: text('since', lang), kind: 'date', value: since },
        { key: 'awareOn', label: text('awareOn', lang), kind: 'date', value: missing(lang === 'ja' ? '施行規則第8条第1項・第2項' : 'PPC Rules 8(1)-(2)') },
        { key: 'preliminary', label: text('preliminary', lang), kind: 'text', value: text('preliminaryText', lang) },
        { key: 'final', label: text('final', lang), kind: 'text', value: text('finalText', lang) },
        { key: 'finalDueAtTheEarliest', label: text('finalDueAtTheEarliest', lang), kind: 'date', value: addDays(since, 30) },
        { key: 'finalDueAtTheEarliestTrigger3', label: text('finalDueAtTheEarliestTrigger3', lang), kind: 'date', value: addDays(since, 60) },
        { key: 'countedFrom', label: text('countedFrom', lang), kind: 'text', value: text('countedFromText', lang) },
      ],
    };
    yield { type: 'paragraph', tone: 'note', text: text('noticeText', lang) };

    yield { type: 'heading', level: 1, text: text('walkHeading', lang) };
    yield { type: 'paragraph', tone: cut ? 'warning' : 'normal', text: capitalise(walkWords) + (lang === 'ja' ? '。' : '.') };
    yield {
      type: 'facts',
      key: 'walk',
      facts: [
        { key: 'partial', label: text('partial', lang), kind: 'flag', value: scope.downstream.partial || scope.upstream.partial },
        { key: 'cutBy', label: text('cutBy', lang), kind: 'list', value: cutBy },
        { key: 'peopleListsCut', label: text('peopleListsCut', lang), kind: 'flag', value: scope.peopleListsCut },
      ],
    };
    progress(4, 4);
  }

  /**
   * The system's data downstream (what it holds, derives and sends on), and upstream of it the
   * systems where its data was collected: a people entry is affected when one of the systems it
   * uses is among them with a category of its subject.
   */
  private async scopeOf(map: StoredMapInfo, systemId: string, asOf: string | null): Promise<BreachScope> {
    const system = (await this.catalog.byIds('systems', map, [systemId])).get(systemId);
    if (!system) throw new NotFoundError('system', systemId, 'system');
    const bounds = { maxDepth: MAX_MAX_DEPTH, maxNodes: MAX_MAX_NODES, asOf };
    const [downstream, upstream] = await Promise.all([
      this.lineage.lineage({ map, from: { system: systemId }, direction: 'DOWNSTREAM', ...bounds }),
      this.lineage.lineage({ map, from: { system: systemId }, direction: 'UPSTREAM', ...bounds }),
    ]);
    const systemIds = [...new Set([systemId, ...downstream.nodes.map((n) => n.system), ...upstream.nodes.map((n) => n.system)])];
    const categoryIds = [...new Set([...downstream.nodes.map((n) => n.category), ...upstream.nodes.map((n) => n.category)])];
    const flowIds = [...new Set(downstream.nodes.flatMap((n) => n.reachedVia.filter((e) => e.kind === 'FLOW').map((e) => e.via)))];
    const upstreamSystems = [...new Set(upstream.nodes.map((n) => n.system))];
    const [systems, categories, flows] = await Promise.all([
      this.catalog.byIds('systems', map, systemIds),
      this.catalog.byIds('dataCategories', map, categoryIds),
      this.catalog.byIds('flows', map, flowIds),
    ]);
    const organizations = await this.catalog.byIds('organizations', map, [...new Set([...systems.values()].map((x) => x.operator))]);
    // Upstream assets by system: where the data that reaches the compromised system was, per subject.
    const subjectsAt = new Map<string, Set<string>>();
    for (const n of upstream.nodes) {
      const subject = categories.get(n.category)?.subject;
      if (!subject) continue;
      const set = subjectsAt.get(n.system) ?? new Set<string>();
      set.add(subject);
      subjectsAt.set(n.system, set);
    }
    const people = new Map<string, PeopleRow>();
    let peopleListsCut = false;
    // The people of a few systems at a time: each system's list is capped, and only the affected entries are kept.
    for (let i = 0; i < upstreamSystems.length; i += PEOPLE_LOOKUP_SYSTEMS) {
      const lists = await this.catalog.related('people-using-systems', 'people', map, upstreamSystems.slice(i, i + PEOPLE_LOOKUP_SYSTEMS));
      for (const list of lists.values()) {
        if (list.totalCount > list.items.length) peopleListsCut = true;
        for (const p of list.items) if (p.uses.some((u) => subjectsAt.get(u)?.has(p.subject))) people.set(p.id, p);
      }
    }
    const subjectIds = [...new Set([...categories.values()].map((c) => c.subject))];
    const subjects = new Map([...(await this.catalog.byIds('subjects', map, subjectIds))].map(([id, x]) => [id, x.name]));
    return {
      system,
      downstream,
      upstream,
      people: [...people.values()].sort((a, b) => a.seq - b.seq || a.id.localeCompare(b.id)),
      peopleListsCut,
      systems,
      organizations,
      categories,
      flows,
      subjects,
    };
  }

  /**
   * The derivations at the systems in scope (the compromised one and those downstream) in force as
   * of the date asked: what was made from the data there. The walk starts from every asset of the
   * compromised system, derived ones included, so it does not cross the derivations made there.
   */
  private async derivationsOf(map: StoredMapInfo, scope: BreachScope, asOf: string | null): Promise<DerivationRow[]> {
    const systems = [...new Set([scope.system.id, ...scope.downstream.nodes.map((n) => n.system)])];
    const inScope = new Set(scope.downstream.nodes.map((n) => `${n.system}/${n.category}`));
    const lists = await this.catalog.related('derivations-in-systems', 'derivations', map, systems);
    return [...lists.values()]
      .flatMap((l) => l.items)
      .filter((d) => (!asOf || ((!d.validFrom || d.validFrom <= asOf) && (!d.validTo || d.validTo >= asOf))) && d.outputs.some((o) => inScope.has(`${d.system}/${o}`)))
      .sort((a, b) => a.seq - b.seq || a.id.localeCompare(b.id));
  }
}

function checkedSince(since: string | null): string {
  const problems: Problem[] = [];
  if (!since) problems.push({ path: 'since', message: 'give the date the compromise began (YYYY-MM-DD)' });
  const date = checkAsOf(since, problems, 'since');
  if (problems.length > 0 || !date) throw new InvalidInputError(problems);
  return date;
}

function isPersonal(c: DataCategoryRow): boolean {
  return c.class === 'PERSONAL' || c.class === 'SPECIAL_CARE';
}

/** Anonymized and statistical data are not personal data; personally referable data may be, at a holder that links it. */
function mayBePersonal(scope: BreachScope, id: string): boolean {
  const cls = scope.categories.get(id)?.class;
  return cls !== 'ANONYMIZED' && cls !== 'STATISTICAL';
}

/** An item of the draft, its class named where it is not plainly personal data. */
function itemName(scope: BreachScope, id: string, lang: Lang): string {
  const c = scope.categories.get(id);
  if (!c) return id;
  return c.class === 'PERSONAL' ? c.name : lang === 'ja' ? `${c.name}（${classLabel(c.class, lang)}）` : `${c.name} (${classLabel(c.class, lang)})`;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface DownstreamOrganization {
  organization: string;
  sameOrganization: boolean;
  systems: string[];
  categories: string[];
  flows: string[];
  receivedSinceCompromise: boolean;
}

/** Every organization with a system downstream of the compromised one, with what it received and by which flows. */
function downstreamOrganizations(scope: BreachScope, since: string): DownstreamOrganization[] {
  const byOrg = new Map<string, DownstreamOrganization>();
  for (const n of scope.downstream.nodes) {
    if (n.system === scope.system.id) continue;
    const operator = scope.systems.get(n.system)?.operator ?? '';
    const entry = byOrg.get(operator) ?? { organization: operator, sameOrganization: operator === scope.system.operator, systems: [], categories: [], flows: [], receivedSinceCompromise: false };
    if (!entry.systems.includes(n.system)) entry.systems.push(n.system);
    if (!entry.categories.includes(n.category)) entry.categories.push(n.category);
    for (const e of n.reachedVia) {
      if (e.kind !== 'FLOW') continue;
      if (!entry.flows.includes(e.via)) entry.flows.push(e.via);
      const flow = scope.flows.get(e.via);
      if (flow && (!flow.validTo || flow.validTo >= since)) entry.receivedSinceCompromise = true;
    }
    byOrg.set(operator, entry);
  }
  return [...byOrg.values()].sort((a, b) => Number(b.sameOrganization) - Number(a.sameOrganization) || a.organization.localeCompare(b.organization));
}
