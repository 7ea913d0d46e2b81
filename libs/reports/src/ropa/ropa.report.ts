import { Injectable } from '@nestjs/common';
import { Lang, Localized } from '@tadoru/common';
import { CatalogService, OrganizationRow } from '@tadoru/catalog';
import { Role } from '@tadoru/map';
import { ReportBlock, Row, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';
import { BASIS_TERMS, CLASS_TERMS, organizationName } from '../ledger/appi-terms';
import { columnsIn, LocalizedColumn } from '../document/localized-columns';
import { OrganizationReportsRepository } from './ropa.repository';

/*
 * `ropa`: the record of processing activities of GDPR Art. 30(1), drafted for each organization that
 * operates at least one system (the controllers of the map), from what the map holds on `input.asOf`.
 * Items the map cannot hold are said to be so: the controller's contact details are required and
 * flagged missing; erasure time limits (f) and security measures (g) are "where possible" items, marked
 * as not recorded rather than as missing.
 *
 * JSON shape: { report, summary, controllers, purposes, categories, recipients, transfers }
 * - summary (facts): controllers (count), transfers (count of third-country transfers).
 * - controllers (table), (a), (f), (g): organization (id), name, country, group, roles, contact
 *   (MissingValue "GDPR Art. 30(1)(a)"), erasureTimeLimits, securityMeasures (text: not recorded).
 * - purposes (table), (b): organization, purpose (name), purposeId, sources (the collections, flows
 *   and derivations stating it: "collection <id>", "flow <id>", "derivation <id>", at most 20 and a count).
 * - categories (table), (c): organization, subject (name of the category of data subjects), jobSeeker,
 *   category (name), categoryId, class.
 * - recipients (table), (d): organization, recipient (name), recipientId, roles, country, bases,
 *   purposes (ids), flows (ids, at most 1,000), flowCount.
 * - transfers (table), (e): organization, flow, recipient (name), recipientId, country, categories
 *   (ids), safeguards (text, or MissingValue "GDPR Art. 30(1)(e)" when the map declares none).
 */

const ROLE_TERMS: Record<Role, Localized> = {
  JOB_INFORMATION_PROVIDER: { en: 'job information provider', ja: '募集情報等提供事業者' },
  JOB_PLACEMENT_AGENCY: { en: 'job placement agency', ja: '職業紹介事業者' },
  EMPLOYER: { en: 'employer', ja: '求人者・雇用主' },
  AD_PLATFORM: { en: 'advertising platform', ja: '広告プラットフォーム' },
  DATA_BROKER: { en: 'data broker', ja: 'データブローカー' },
  PROCESSOR: { en: 'processor (trustee)', ja: '処理者（受託者）' },
  PUBLIC_AUTHORITY: { en: 'public authority', ja: '公的機関' },
};

export function roleNames(roles: readonly string[], lang: Lang): string[] {
  return roles.map((r) => ROLE_TERMS[r as Role]?.[lang] ?? r);
}

const T = {
  intro: {
    en: 'Drafted from the data map for each organization that operates a system: the items of GDPR Art. 30(1) for the organization as controller. Items the map does not hold are marked: the contact details (required) as missing; the time limits for erasure and the security measures, which the record states "where possible", as not recorded.',
    ja: 'データマップから、システムを運営する法人ごとに、管理者としてのGDPR第30条第1項の記録事項を作成した。データマップにない事項は、連絡先（必須）は未記載として、消去の期限及び安全管理措置（「可能な場合」に記載する事項）は記録なしとして示す。',
  },
  asOf: { en: 'Flows and derivations are those in force on the report date.', ja: 'フロー及び派生処理は基準日に存在するものに限る。' },
  summary: { en: 'Summary', ja: '概要' },
  controllers: { en: '(a) Controllers and contact details; (f) erasure; (g) security', ja: '(a) 管理者の名称及び連絡先、(f) 消去の期限、(g) 安全管理措置' },
  purposes: { en: '(b) Purposes of the processing', ja: '(b) 処理の目的' },
  categories: { en: '(c) Categories of data subjects and of personal data', ja: '(c) データ主体の類型及び個人データの類型' },
  recipients: { en: '(d) Categories of recipients', ja: '(d) 取得者（提供先）の類型' },
  recipientsNote: {
    en: 'The organizations the controller’s flows go to, with their roles; recipients in third countries appear again under (e).',
    ja: '管理者のフローの提供先となる法人とその役割。第三国にある提供先は(e)にも示す。',
  },
  transfers: { en: '(e) Transfers to third countries', ja: '(e) 第三国への移転' },
  transfersNote: {
    en: 'Flows to systems in another country than the controller’s. Safeguards are what the map declares: equivalent measures binding the recipient, or consent to a notice naming the country; where it declares neither, the documentation is missing.',
    ja: '管理者の所在国以外の国にあるシステムへのフロー。保護措置はデータマップが示すもの（提供先を拘束する基準適合体制、又は移転先の国を明示した通知への同意）であり、いずれもない場合は文書化が未記載である。',
  },
  notRecordedErasure: {
    en: 'Not recorded in the data map (to be stated where possible: GDPR Art. 30(1)(f))',
    ja: 'データマップに記録なし（可能な場合に記載：GDPR第30条第1項(f)）',
  },
  notRecordedSecurity: {
    en: 'Not recorded in the data map (to be described where possible: GDPR Art. 30(1)(g), Art. 32(1))',
    ja: 'データマップに記録なし（可能な場合に記載：GDPR第30条第1項(g)、第32条第1項）',
  },
  equivalent: { en: 'Recipient bound to equivalent measures', ja: '提供先における基準適合体制の整備' },
  consentNamed: { en: 'Consent to a notice naming the country (cf. GDPR Art. 49(1)(a))', ja: '移転先の国を明示した通知への同意（GDPR第49条第1項(a)参照）' },
} satisfies Record<string, Localized>;

const CONTROLLER_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { en: 'Organization id', ja: '法人ID' } },
  { key: 'name', kind: 'text', label: { en: 'Name of the controller', ja: '管理者の名称' } },
  { key: 'country', kind: 'text', label: { en: 'Country', ja: '所在国' } },
  { key: 'group', kind: 'text', label: { en: 'Corporate group', ja: '企業グループ' } },
  { key: 'roles', kind: 'list', label: { en: 'Roles', ja: '役割' } },
  { key: 'contact', kind: 'text', label: { en: 'Contact details', ja: '連絡先' } },
  { key: 'erasureTimeLimits', kind: 'text', label: { en: '(f) Time limits for erasure', ja: '(f) 消去の期限' } },
  { key: 'securityMeasures', kind: 'text', label: { en: '(g) Security measures', ja: '(g) 技術的・組織的安全管理措置' } },
];
const PURPOSE_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { en: 'Controller', ja: '管理者' } },
  { key: 'purpose', kind: 'text', label: { en: 'Purpose', ja: '目的' } },
  { key: 'purposeId', kind: 'text', label: { en: 'Purpose id', ja: '目的ID' } },
  { key: 'sources', kind: 'list', label: { en: 'Stated by', ja: '記載箇所' } },
];
const CATEGORY_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { en: 'Controller', ja: '管理者' } },
  { key: 'subject', kind: 'text', label: { en: 'Category of data subjects', ja: 'データ主体の類型' } },
  { key: 'jobSeeker', kind: 'flag', label: { en: 'Job seekers', ja: '求職者' } },
  { key: 'category', kind: 'text', label: { en: 'Category of personal data', ja: '個人データの類型' } },
  { key: 'categoryId', kind: 'text', label: { en: 'Category id', ja: '項目ID' } },
  { key: 'class', kind: 'text', label: { en: 'Class', ja: '区分' } },
];
const RECIPIENT_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { en: 'Controller', ja: '管理者' } },
  { key: 'recipient', kind: 'text', label: { en: 'Recipient', ja: '提供先' } },
  { key: 'recipientId', kind: 'text', label: { en: 'Recipient id', ja: '提供先ID' } },
  { key: 'roles', kind: 'list', label: { en: 'Category (roles)', ja: '類型（役割）' } },
  { key: 'country', kind: 'text', label: { en: 'Country', ja: '国' } },
  { key: 'bases', kind: 'list', label: { en: 'Grounds', ja: '根拠' } },
  { key: 'purposes', kind: 'list', label: { en: 'Purposes', ja: '目的' } },
  { key: 'flows', kind: 'list', label: { en: 'Flows', ja: 'フロー' } },
  { key: 'flowCount', kind: 'number', label: { en: 'Number of flows', ja: 'フロー数' } },
];
const TRANSFER_COLUMNS: LocalizedColumn[] = [
  { key: 'organization', kind: 'text', label: { en: 'Controller', ja: '管理者' } },
  { key: 'flow', kind: 'text', label: { en: 'Flow', ja: 'フロー' } },
  { key: 'recipient', kind: 'text', label: { en: 'Recipient', ja: '移転先' } },
  { key: 'recipientId', kind: 'text', label: { en: 'Recipient id', ja: '移転先ID' } },
  { key: 'country', kind: 'text', label: { en: 'Third country', ja: '第三国' } },
  { key: 'categories', kind: 'list', label: { en: 'Categories', ja: '項目' } },
  { key: 'safeguards', kind: 'text', label: { en: 'Safeguards', ja: '適切な保護措置' } },
];

@Injectable()
export class RopaReport implements ReportBuilder {
  readonly kind = 'ropa' as const;
  readonly title = { en: 'Record of processing activities (GDPR Art. 30)', ja: '処理活動の記録（GDPR第30条）' };
  readonly requires: readonly ReportOption[] = [];

  constructor(
    private readonly repository: OrganizationReportsRepository,
    private readonly catalog: CatalogService,
  ) {}

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock> {
    const { lang, asOf, map } = input;
    const total = await this.repository.countOperatingOrganizations(map);
    let transfers = 0;
    for await (const page of this.repository.operatingOrganizations(map)) {
      for (const t of (await this.repository.transfers(map, page.map((o) => o.id), asOf)).values()) transfers += t.total;
    }
    const pages = Math.max(1, Math.ceil(total / 500)) * 5;
    let done = 0;
    const step = () => progress(++done, pages);

    yield { type: 'paragraph', text: T.intro[lang] };
    if (asOf) yield { type: 'paragraph', text: T.asOf[lang], tone: 'note' };
    yield { type: 'heading', level: 2, text: T.summary[lang] };
    yield {
      type: 'facts',
      key: 'summary',
      facts: [
        { key: 'controllers', label: lang === 'ja' ? '管理者（システムを運営する法人）の数' : 'Controllers (organizations operating a system)', kind: 'number', value: total },
        { key: 'transfers', label: lang === 'ja' ? '第三国への移転（フロー数）' : 'Transfers to third countries (flows)', kind: 'number', value: transfers },
      ],
    };

    yield { type: 'heading', level: 2, text: T.controllers[lang] };
    yield { type: 'table', key: 'controllers', columns: columnsIn(CONTROLLER_COLUMNS, lang), rows: this.rows(input, step, async (page) => page.map((o) => controllerRow(o, lang))) };

    yield { type: 'heading', level: 2, text: T.purposes[lang] };
    yield {
      type: 'table',
      key: 'purposes',
      columns: columnsIn(PURPOSE_COLUMNS, lang),
      rows: this.rows(input, step, async (page) => {
        const found = await this.repository.purposes(map, page.map((o) => o.id), asOf, ['collection', 'flow', 'derivation']);
        return page.flatMap((o) => (found.get(o.id) ?? []).map((p) => ({ organization: organizationName(o, o.id, lang), purpose: p.name, purposeId: p.id, sources: sourcesOf(p.sources, p.sourceTotal, lang) })));
      }),
    };

    yield { type: 'heading', level: 2, text: T.categories[lang] };
    yield {
      type: 'table',
      key: 'categories',
      columns: columnsIn(CATEGORY_COLUMNS, lang),
      rows: this.rows(input, step, async (page) => {
        const found = await this.repository.categories(map, page.map((o) => o.id), asOf);
        return page.flatMap((o) =>
          (found.get(o.id)?.categories ?? [])
            // Anonymised and statistical data are not personal data (GDPR Recital 26).
            .filter((c) => c.class !== 'ANONYMIZED' && c.class !== 'STATISTICAL')
            .map((c) => ({
              organization: organizationName(o, o.id, lang),
              subject: c.subjectName ?? c.subject,
              jobSeeker: c.jobSeeker,
              category: c.name,
              categoryId: c.id,
              class: CLASS_TERMS[c.class as keyof typeof CLASS_TERMS]?.[lang] ?? c.class,
            })),
        );
      }),
    };

    yield { type: 'heading', level: 2, text: T.recipients[lang] };
    yield { type: 'paragraph', text: T.recipientsNote[lang] };
    yield {
      type: 'table',
      key: 'recipients',
      columns: columnsIn(RECIPIENT_COLUMNS, lang),
      rows: this.rows(input, step, async (page) => {
        const found = await this.repository.recipients(map, page.map((o) => o.id), asOf);
        const purposeIds = [...new Set([...found.values()].flatMap((list) => list.flatMap((r) => r.purposes)))];
        const purposes = await this.catalog.byIds('purposes', map, purposeIds);
        return page.flatMap((o) =>
          (found.get(o.id) ?? []).map((r) => ({
            organization: organizationName(o, o.id, lang),
            recipient: organizationName({ id: r.id, name: r.name, nameJa: r.nameJa }, r.id, lang),
            recipientId: r.id,
            roles: roleNames(r.roles, lang),
            country: r.country,
            bases: r.bases.map((b) => BASIS_TERMS[b as keyof typeof BASIS_TERMS]?.[lang] ?? b),
            purposes: r.purposes.map((p) => purposes.get(p)?.name ?? p),
            flows: r.flows,
            flowCount: r.flowTotal,
          })),
        );
      }),
    };

    yield { type: 'heading', level: 2, text: T.transfers[lang] };
    yield { type: 'paragraph', text: T.transfersNote[lang] };
    yield {
      type: 'table',
      key: 'transfers',
      columns: columnsIn(TRANSFER_COLUMNS, lang),
      rows: this.rows(input, step, async (page) => {
        const found = await this.repository.transfers(map, page.map((o) => o.id), asOf);
        return page.flatMap((o) =>
          (found.get(o.id)?.transfers ?? []).map((t) => ({
            organization: organizationName(o, o.id, lang),
            flow: t.flow,
            recipient: organizationName({ id: t.recipient, name: t.recipientName, nameJa: t.recipientNameJa }, t.recipient, lang),
            recipientId: t.recipient,
            country: t.country,
            categories: t.categories,
            safeguards: t.equivalentMeasures ? T.equivalent[lang] : t.countryNamed ? T.consentNamed[lang] : ({ missing: true, requiredBy: 'GDPR Art. 30(1)(e)' } as const),
          })),
        );
      }),
    };
  }

  /** A table's rows, built a page of operating organizations at a time. */
  private async *rows(input: ReportInput, step: () => void, rowsOf: (page: OrganizationRow[]) => Promise<Row[]>): AsyncIterable<Row> {
    for await (const page of this.repository.operatingOrganizations(input.map)) {
      yield* await rowsOf(page);
      step();
    }
  }
}

function controllerRow(o: OrganizationRow, lang: Lang): Row {
  return {
    organization: o.id,
    name: organizationName(o, o.id, lang),
    country: o.country,
    group: o.group ?? null,
    roles: roleNames(o.roles, lang),
    contact: { missing: true, requiredBy: 'GDPR Art. 30(1)(a)' },
    erasureTimeLimits: T.notRecordedErasure[lang],
    securityMeasures: T.notRecordedSecurity[lang],
  };
}

const SOURCE_TERMS: Record<string, Localized> = {
  collection: { en: 'collection', ja: '収集' },
  flow: { en: 'flow', ja: 'フロー' },
  derivation: { en: 'derivation', ja: '派生処理' },
  notice: { en: 'notice', ja: '通知' },
};

/** "collection x", "flow y"…, at most 20, and how many more there are. */
export function sourcesOf(sources: Array<{ kind: string; id: string }>, total: number, lang: Lang): string[] {
  const shown = sources.slice(0, 20).map((s) => `${SOURCE_TERMS[s.kind]?.[lang] ?? s.kind} ${s.id}`);
  if (total > shown.length) shown.push(lang === 'ja' ? `ほか${total - shown.length}件` : `and ${total - shown.length} more`);
  return shown;
}
