import { Injectable } from '@nestjs/common';
import { Lang, Localized } from '@tadoru/common';
import { CatalogService, OrganizationRow } from '@tadoru/catalog';
import { missingItem as missing, ReportBlock, Row, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';
import { METHOD_TERMS, organizationName } from '../ledger/appi-terms';
import { sourcesOf } from '../ropa/ropa.report';
import { columnsIn, LocalizedColumn } from '../document/localized-columns';
import { OrganizationReportsRepository, ORGANIZATION_PAGE } from '../ropa/ropa.repository';

/*
 * `published-matters`: the matters to publish on retained personal data (保有個人データに関する事項,
 * APPI Art. 32(1); Cabinet Order Art. 10), drafted for each organization that operates at least one
 * system, with the joint-use items (Art. 27(5)(iii)) where its notices declare shared use and the
 * opt-out items (Art. 27(2)) where it provides data by opt-out. The text is published in Japanese:
 * the Japanese report is the primary text, the English one its translation.
 *
 * JSON shape: { report, summary, businessOperators, purposesOfUse, requestProcedures, jointUse, optOut }
 * - summary (facts): businessOperators, jointUse (declarations), optOut (organizations providing by opt-out).
 * - businessOperators (table): organization (id), name, nameJa, address, representative (MissingValue
 *   "APPI Art. 32(1)(i)"), securityMeasures (MissingValue "APPI Order Art. 10(i)"), complaintsContact
 *   (MissingValue "APPI Order Art. 10(ii)").
 * - purposesOfUse (table), Art. 32(1)(ii): organization, purpose (name), purposeId, sources
 *   ("collection <id>", "notice <id>": where the purpose is stated).
 * - requestProcedures (table), Art. 32(1)(iii): organization, request (code: purpose-notice |
 *   disclosure | correction | cessation), requestName, articles, procedure (MissingValue "APPI Art. 32(1)(iii)").
 * - jointUse (table), Art. 27(5)(iii): organization, notice, publishedAt, items (category names),
 *   users (names), purposes (names), manager (name, or MissingValue), managerAddress,
 *   managerRepresentative (MissingValue "APPI Art. 27(5)(iii)").
 * - optOut (table), Art. 27(2): organization, flows, items (category names), acquisition (how they were
 *   acquired), provisionAsPurpose, method, stopOnRequest, requestMethod, updateMethod (MissingValue
 *   naming the item of Art. 27(2) or Rules 11), startDate (the first flow's validFrom, or MissingValue),
 *   filed (optOutFiled: true, or MissingValue "APPI Art. 27(2)").
 */

const T = {
  intro: {
    ja: '個人情報保護法第32条第1項及び同法施行令第10条により、保有個人データに関して本人の知り得る状態（本人の求めに応じて遅滞なく回答する場合を含む。）に置かなければならない事項を、システムを運営する法人ごとに、データマップから作成した案である。共同利用（法第27条第5項第3号）及びオプトアウトによる第三者提供（法第27条第2項）を行う法人については、その事項も示す。データマップにない事項は、根拠条項とともに未記載として示す。',
    en: 'A draft, from the data map and for each organization that operates a system, of the matters APPI Art. 32(1) and Cabinet Order Art. 10 require to be kept where the people can know them (including answering without delay on request) on retained personal data; with the joint-use items (Art. 27(5)(iii)) and opt-out items (Art. 27(2)) for the organizations that use them. Items the map does not hold are marked missing, with the provision that requires them. These matters are published in Japanese: the Japanese version of this report is the primary text.',
  },
  asOf: { ja: '基準日までに公表された通知及び基準日に存在するフローに基づく。', en: 'Based on the notices published by the report date and the flows in force on it.' },
  summary: { ja: '概要', en: 'Summary' },
  operators: { ja: '個人情報取扱事業者の氏名又は名称、住所及び代表者の氏名（法第32条第1項第1号）、安全管理措置及び苦情の申出先（施行令第10条）', en: 'Name, address and representative of the business operator (APPI Art. 32(1)(i)); security control measures and where to complain (Order Art. 10)' },
  purposes: { ja: '全ての保有個人データの利用目的（法第32条第1項第2号）', en: 'Purposes of use of all retained personal data (APPI Art. 32(1)(ii))' },
  purposesNote: {
    ja: '各法人のシステムによる個人データの収集及び公表した通知に記載された利用目的。',
    en: "The purposes stated by each organization's collections of personal data and by the notices it published.",
  },
  procedures: { ja: '開示等の請求等に応じる手続（法第32条第1項第3号）', en: 'Procedures for requests (APPI Art. 32(1)(iii))' },
  jointUse: { ja: '共同利用に関する事項（法第27条第5項第3号）', en: 'Joint use (APPI Art. 27(5)(iii))' },
  jointUseNote: {
    ja: '共同利用をする旨、共同して利用される個人データの項目、共同して利用する者の範囲、利用する者の利用目的、並びに当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人にあっては代表者の氏名。',
    en: 'That the data are jointly used, the items jointly used, the scope of the joint users, their purposes of use, and the name, address and (for a corporation) representative of the person responsible for managing the data.',
  },
  optOut: { ja: 'オプトアウトによる第三者提供に関する事項（法第27条第2項）', en: 'Opt-out provision to third parties (APPI Art. 27(2))' },
  noJointUse: { ja: '共同利用を記載した通知はない。', en: 'No notice declares joint use.' },
  noOptOut: { ja: 'オプトアウトによる第三者提供はない。', en: 'No organization provides data by opt-out.' },
} satisfies Record<string, Localized>;

const REQUESTS: Array<{ code: string; name: Localized; articles: Localized }> = [
  { code: 'purpose-notice', name: { ja: '利用目的の通知の求め', en: 'Request for notice of the purpose of use' }, articles: { ja: '法第32条第2項', en: 'APPI Art. 32(2)' } },
  {
    code: 'disclosure',
    name: { ja: '開示の請求（第三者提供記録の開示を含む。）', en: 'Request for disclosure (including the third-party provision records)' },
    articles: { ja: '法第33条第1項、第5項', en: 'APPI Art. 33(1), (5)' },
  },
  { code: 'correction', name: { ja: '内容の訂正、追加又は削除の請求', en: 'Request for correction, addition or deletion' }, articles: { ja: '法第34条第1項', en: 'APPI Art. 34(1)' } },
  {
    code: 'cessation',
    name: { ja: '利用の停止、消去又は第三者提供の停止の請求', en: 'Request for cessation of use, erasure or cessation of provision to third parties' },
    articles: { ja: '法第35条第1項、第3項、第5項', en: 'APPI Art. 35(1), (3), (5)' },
  },
];

const OPERATOR_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { ja: '法人ID', en: 'Organization id' } },
  { key: 'name', kind: 'text', label: { ja: '氏名又は名称', en: 'Name' } },
  { key: 'nameJa', kind: 'text', label: { ja: '名称（日本語）', en: 'Name in Japanese' } },
  { key: 'address', kind: 'text', label: { ja: '住所', en: 'Address' } },
  { key: 'representative', kind: 'text', label: { ja: '代表者の氏名', en: 'Representative' } },
  { key: 'securityMeasures', kind: 'text', label: { ja: '保有個人データの安全管理のために講じた措置', en: 'Security control measures for retained personal data' } },
  { key: 'complaintsContact', kind: 'text', label: { ja: '苦情の申出先', en: 'Where to submit complaints' } },
];
const PURPOSE_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { ja: '事業者', en: 'Business operator' } },
  { key: 'purpose', kind: 'text', label: { ja: '利用目的', en: 'Purpose of use' } },
  { key: 'purposeId', kind: 'text', label: { ja: '目的ID', en: 'Purpose id' } },
  { key: 'sources', kind: 'list', label: { ja: '記載箇所', en: 'Stated by' } },
];
const PROCEDURE_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { ja: '事業者', en: 'Business operator' } },
  { key: 'request', kind: 'text', label: { ja: '請求等（コード）', en: 'Request (code)' } },
  { key: 'requestName', kind: 'text', label: { ja: '請求等', en: 'Request' } },
  { key: 'articles', kind: 'text', label: { ja: '根拠条項', en: 'Provisions' } },
  { key: 'procedure', kind: 'text', label: { ja: '手続（手数料を含む。）', en: 'Procedure (including any fee)' } },
];
const JOINT_USE_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { ja: '事業者', en: 'Business operator' } },
  { key: 'notice', kind: 'text', label: { ja: '通知・公表文書', en: 'Notice' } },
  { key: 'publishedAt', kind: 'date', label: { ja: '公表日', en: 'Published' } },
  { key: 'items', kind: 'list', label: { ja: '共同して利用される個人データの項目', en: 'Items jointly used' } },
  { key: 'users', kind: 'list', label: { ja: '共同して利用する者の範囲', en: 'Scope of the joint users' } },
  { key: 'purposes', kind: 'list', label: { ja: '利用する者の利用目的', en: 'Purposes of use of the users' } },
  { key: 'manager', kind: 'text', label: { ja: '管理について責任を有する者', en: 'Person responsible for management' } },
  { key: 'managerAddress', kind: 'text', label: { ja: '責任者の住所', en: "Responsible person's address" } },
  { key: 'managerRepresentative', kind: 'text', label: { ja: '責任者の代表者の氏名', en: "Responsible person's representative" } },
];
const OPT_OUT_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { ja: '事業者', en: 'Business operator' } },
  { key: 'flows', kind: 'list', label: { ja: 'フロー', en: 'Flows' } },
  { key: 'provisionAsPurpose', kind: 'text', label: { ja: '第三者への提供を利用目的とすること', en: 'Provision to third parties as a purpose of use' } },
  { key: 'items', kind: 'list', label: { ja: '第三者に提供される個人データの項目', en: 'Items of personal data provided' } },
  { key: 'acquisition', kind: 'list', label: { ja: '取得の方法', en: 'How the data were acquired' } },
  { key: 'method', kind: 'text', label: { ja: '提供の方法', en: 'Method of provision' } },
  { key: 'stopOnRequest', kind: 'text', label: { ja: '本人の求めに応じて提供を停止すること', en: 'Stopping provision at the person’s request' } },
  { key: 'requestMethod', kind: 'text', label: { ja: '本人の求めを受け付ける方法', en: 'How requests are accepted' } },
  { key: 'updateMethod', kind: 'text', label: { ja: '個人データの更新の方法', en: 'How the data provided are updated' } },
  { key: 'startDate', kind: 'date', label: { ja: '提供を開始する予定日', en: 'Scheduled start of provision' } },
  { key: 'filed', kind: 'flag', label: { ja: '個人情報保護委員会への届出', en: 'Filed with the PPC' } },
];

@Injectable()
export class PublishedMattersReport implements ReportBuilder {
  readonly kind = 'published-matters' as const;
  readonly title = { en: 'Matters to publish on retained personal data (APPI Art. 32)', ja: '保有個人データに関する事項の公表（個人情報保護法第32条）' };
  readonly requires: readonly ReportOption[] = [];

  constructor(
    private readonly repository: OrganizationReportsRepository,
    private readonly catalog: CatalogService,
  ) {}

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock> {
    const { lang, map } = input;
    const total = await this.repository.countOperatingOrganizations(map);
    // The joint-use and opt-out sections appear only where they apply: counted first.
    let jointUse = 0;
    let optOut = 0;
    for await (const page of this.repository.operatingOrganizations(map)) {
      jointUse += (await this.jointUseRows(input, page)).length;
      optOut += [...(await this.repository.optOut(map, page.map((o) => o.id), input.asOf)).values()].filter((x) => x.total > 0).length;
    }
    const steps = Math.max(1, Math.ceil(total / ORGANIZATION_PAGE)) * 5;
    let done = 0;
    const step = () => progress(++done, steps);

    yield { type: 'paragraph', text: T.intro[lang] };
    if (input.asOf) yield { type: 'paragraph', text: T.asOf[lang], tone: 'note' };
    yield { type: 'heading', level: 2, text: T.summary[lang] };
    yield {
      type: 'facts',
      key: 'summary',
      facts: [
        { key: 'businessOperators', label: lang === 'ja' ? '事業者（システムを運営する法人）の数' : 'Business operators (organizations operating a system)', kind: 'number', value: total },
        { key: 'jointUse', label: lang === 'ja' ? '共同利用の記載' : 'Joint-use declarations', kind: 'number', value: jointUse },
        { key: 'optOut', label: lang === 'ja' ? 'オプトアウトにより提供する事業者' : 'Organizations providing by opt-out', kind: 'number', value: optOut },
      ],
    };

    yield { type: 'heading', level: 2, text: T.operators[lang] };
    yield { type: 'table', key: 'businessOperators', columns: columnsIn(OPERATOR_COLUMNS, lang), rows: this.rows(input, step, async (page) => page.map((o) => operatorRow(o, lang))) };

    yield { type: 'heading', level: 2, text: T.purposes[lang] };
    yield { type: 'paragraph', text: T.purposesNote[lang] };
    yield {
      type: 'table',
      key: 'purposesOfUse',
      columns: columnsIn(PURPOSE_COLUMNS, lang),
      rows: this.rows(input, step, async (page) => {
        const found = await this.repository.purposes(map, page.map((o) => o.id), input.asOf, ['collection', 'notice']);
        return page.flatMap((o) => (found.get(o.id) ?? []).map((p) => ({ organization: organizationName(o, o.id, lang), purpose: p.name, purposeId: p.id, sources: sourcesOf(p.sources, p.sourceTotal, lang) })));
      }),
    };

    yield { type: 'heading', level: 2, text: T.procedures[lang] };
    yield {
      type: 'table',
      key: 'requestProcedures',
      columns: columnsIn(PROCEDURE_COLUMNS, lang),
      rows: this.rows(input, step, async (page) =>
        page.flatMap((o) => REQUESTS.map((r) => ({ organization: organizationName(o, o.id, lang), request: r.code, requestName: r.name[lang], articles: r.articles[lang], procedure: missing('APPI Art. 32(1)(iii)') }))),
      ),
    };

    yield { type: 'heading', level: 2, text: T.jointUse[lang] };
    yield { type: 'paragraph', text: jointUse > 0 ? T.jointUseNote[lang] : T.noJointUse[lang] };
    yield { type: 'table', key: 'jointUse', columns: columnsIn(JOINT_USE_COLUMNS, lang), rows: this.rows(input, step, (page) => this.jointUseRows(input, page)) };

    yield { type: 'heading', level: 2, text: T.optOut[lang] };
    if (optOut === 0) yield { type: 'paragraph', text: T.noOptOut[lang] };
    yield { type: 'table', key: 'optOut', columns: columnsIn(OPT_OUT_COLUMNS, lang), rows: this.rows(input, step, (page) => this.optOutRows(input, page)) };
  }

  private async *rows(input: ReportInput, step: () => void, rowsOf: (page: OrganizationRow[]) => Promise<Row[]>): AsyncIterable<Row> {
    for await (const page of this.repository.operatingOrganizations(input.map)) {
      yield* await rowsOf(page);
      step();
    }
  }

  /** The shared-use declarations of the notices each organization published by the report date. */
  private async jointUseRows(input: ReportInput, page: OrganizationRow[]): Promise<Row[]> {
    const { map, lang, asOf } = input;
    const notices = await this.catalog.related('notices-of-organizations', 'notices', map, page.map((o) => o.id));
    const published = [...notices.values()].flatMap((list) => list.items).filter((n) => !asOf || n.publishedAt <= asOf);
    if (published.length === 0) return [];
    const declarations = await this.catalog.related('shared-use-of-notices', 'sharedUses', map, published.map((n) => n.id));
    const uses = [...declarations.values()].flatMap((list) => list.items);
    if (uses.length === 0) return [];
    const organizations = await this.catalog.byIds('organizations', map, uses.flatMap((u) => [...u.users, ...(u.manager ? [u.manager] : [])]));
    const groups = await this.catalog.byIds('groups', map, uses.flatMap((u) => u.users));
    const categories = await this.catalog.byIds('dataCategories', map, uses.flatMap((u) => u.dataCategories));
    const purposes = await this.catalog.byIds('purposes', map, uses.flatMap((u) => u.purposes));
    const rows: Row[] = [];
    for (const o of page) {
      for (const n of notices.get(o.id)?.items ?? []) {
        if (asOf && n.publishedAt > asOf) continue;
        for (const u of declarations.get(n.id)?.items ?? []) {
          const manager = u.manager ? organizations.get(u.manager) : undefined;
          rows.push({
            organization: organizationName(o, o.id, lang),
            notice: n.id,
            publishedAt: n.publishedAt,
            items: u.dataCategories.map((c) => categories.get(c)?.name ?? c),
            users: u.users.map((id) => (organizations.has(id) ? organizationName(organizations.get(id), id, lang) : (groups.get(id)?.name ?? id))),
            purposes: u.purposes.map((p) => purposes.get(p)?.name ?? p),
            manager: u.manager ? organizationName(manager, u.manager, lang) : missing('APPI Art. 27(5)(iii)'),
            managerAddress: missing('APPI Art. 27(5)(iii)'),
            managerRepresentative: missing('APPI Art. 27(5)(iii)'),
          });
        }
      }
    }
    return rows;
  }

  private async optOutRows(input: ReportInput, page: OrganizationRow[]): Promise<Row[]> {
    const { map, lang } = input;
    const found = await this.repository.optOut(map, page.map((o) => o.id), input.asOf);
    const using = page.filter((o) => (found.get(o.id)?.total ?? 0) > 0);
    if (using.length === 0) return [];
    const categories = await this.catalog.byIds('dataCategories', map, using.flatMap((o) => found.get(o.id)?.categories ?? []));
    return using.map((o) => {
      const x = found.get(o.id) as NonNullable<ReturnType<typeof found.get>>;
      return {
        organization: organizationName(o, o.id, lang),
        flows: x.flows,
        provisionAsPurpose: missing('APPI Art. 27(2)(ii)'),
        items: x.categories.map((c) => categories.get(c)?.name ?? c),
        acquisition:
          x.collections.length > 0
            ? x.collections.map((c) => `${c.id}: ${METHOD_TERMS[c.method as keyof typeof METHOD_TERMS]?.[lang] ?? c.method}${c.notice ? (lang === 'ja' ? `（通知 ${c.notice}）` : ` (notice ${c.notice})`) : ''}`)
            : missing('APPI Art. 27(2)(iv)'),
        method: missing('APPI Art. 27(2)(v)'),
        stopOnRequest: missing('APPI Art. 27(2)(vi)'),
        requestMethod: missing('APPI Art. 27(2)(vii)'),
        updateMethod: missing('APPI Art. 27(2)(viii); Rules 11'),
        startDate: x.firstFrom ?? missing('APPI Art. 27(2)(viii); Rules 11'),
        filed: o.optOutFiled ? true : missing('APPI Art. 27(2)'),
      };
    });
  }
}

function operatorRow(o: OrganizationRow, lang: Lang): Row {
  return {
    organization: o.id,
    name: organizationName(o, o.id, lang),
    nameJa: o.nameJa ?? null,
    address: missing('APPI Art. 32(1)(i)'),
    representative: missing('APPI Art. 32(1)(i)'),
    securityMeasures: missing('APPI Order Art. 10(i)'),
    complaintsContact: missing('APPI Order Art. 10(ii)'),
  };
}
