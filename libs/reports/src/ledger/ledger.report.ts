import { Injectable } from '@nestjs/common';
import { Lang, Localized } from '@tadoru/common';
import { CatalogService, DataCategoryRow, FlowRow, OrganizationRow } from '@tadoru/catalog';
import { MapSession, Neo4jService } from '@tadoru/graph';
import { Finding, FindingsService, RuleEngine } from '@tadoru/rules';
import { MissingValue, missingItem as missing, ReportBlock, Row, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';
import { APPI_ADEQUATE_COUNTRIES, BASIS_TERMS, METHOD_TERMS, organizationName, PERSONAL_CLASSES } from './appi-terms';
import { columnsIn, LocalizedColumn } from '../document/localized-columns';
import { LEDGER_LIST_CAP, LedgerFlowDetails, LedgerRepository } from './ledger.repository';

/*
 * `ledger`: the third-party provision and receipt ledger (第三者提供・受領記録簿), APPI Arts. 29, 30 and
 * 31(3) with PPC Rules 20, 24 and 28: a draft of the records a provider and a recipient must keep, one
 * per provision and one per receipt, drawn from the flows in force (as of `input.asOf`), each required
 * item the map lacks flagged as a MissingValue naming the rule that requires it.
 *
 * JSON shape: { report, summary, exclusionReasons, records, excluded }
 * - summary (facts): provisions, receipts, personallyReferable (Art. 31(3) records), recordsWithMissingItems,
 *   peopleInProvisions (sum over provision records), flowsLeftOut (cross-organization flows that need no
 *   record), flowsWithinOrganization (not provisions at all).
 * - exclusionReasons (table): reason (code: internal | entrustment | succession | shared-use | law |
 *   no-personal-data | recipient-cannot-identify), explanation, flows (count).
 * - records (table), ordered by flow id, then provision before receipt:
 *   recordType (provision | receipt | personally-referable, as a label in the report's language),
 *   flow, requiredBy (the provisions that require the record), from / to (the date or period:
 *   validFrom / validTo of the flow; null `to` = still running), provider, providerId, providerAddress,
 *   providerRepresentative (receipts), recipient, recipientId, recipientCountry, recipientAddress,
 *   recipientRepresentative (personally referable records), categories (names), people (ids of the
 *   people entries concerned, at most 20), peopleCount (sum of their counts), basis, basisCode, notice,
 *   consent (the fact that consent was obtained or confirmed: true, MissingValue when the rules say it
 *   was not, null when the ground is not consent), consentedPeople, unconsentedPeople, consentNotices,
 *   acquisition (receipts: how the provider acquired the data), optOutFiled (opt-out receipts),
 *   recordsKept (the map's flag on the provider side), missingItems (names of the flagged items).
 * - excluded (table): flow, provider, recipient, basis, basisCode, reason (code), explanation.
 */

/** The rules a record's items depend on: consent not obtained (27-1, 28-1), personally referable data to a recipient that can identify (31-1). */
const LEDGER_RULES = ['APPI-27-1', 'APPI-28-1', 'APPI-31-1'];

/** Flows per page: the catalogue's largest page. */
const PAGE_SIZE = 500;

type RecordType = 'provision' | 'receipt' | 'personally-referable';
type ExclusionReason = 'internal' | 'entrustment' | 'succession' | 'shared-use' | 'law' | 'no-personal-data' | 'recipient-cannot-identify';

const EXEMPT_BASES: Record<string, ExclusionReason> = { INTERNAL: 'internal', ENTRUSTMENT: 'entrustment', SUCCESSION: 'succession', SHARED_USE: 'shared-use', LAW: 'law' };

const T = {
  intro: {
    en: 'Drafted from the data map: one record per provision of personal data to a third party (APPI Art. 29; PPC Rules 20) and one per receipt from a third party (Art. 30; Rules 24), and a record of each provision of personally referable information to a recipient that can identify the people (Art. 31(3); Rules 28). A provision is a flow between systems operated by different organizations. Items a record requires that the map does not hold (addresses, representatives) are marked as missing, with the provision that requires them.',
    ja: 'データマップから作成した記録の案である。個人データの第三者提供ごとに提供記録（個人情報保護法第29条、施行規則第20条）を、第三者からの受領ごとに受領記録（法第30条、規則第24条）を、本人を識別できる提供先への個人関連情報の提供ごとに確認記録（法第31条第3項、規則第28条）を示す。第三者提供とは、異なる法人が運営するシステム間のフローをいう。記録に必要な事項のうちデータマップにないもの（住所、代表者の氏名等）は、根拠条項とともに未記載として示す。',
  },
  peopleNote: {
    en: 'The people concerned are the people entries whose subject is that of a provided category and who use a system of the provider; their count is the sum of the entries. The consent column states whether the rules find the consent obtained: it is marked missing where some people concerned did not consent to a notice covering the provision (APPI-27-1) or the foreign provision (APPI-28-1), or where the ground is not consent at all.',
    ja: '本人とは、提供された項目の本人区分に属し、提供元のシステムを利用する本人（データマップのpeople）をいい、人数はその合計である。「本人の同意」欄は、ルールが同意を得ていると判断するかを示す。対象者の一部が提供を含む通知に同意していない場合（APPI-27-1）、外国にある第三者への提供について同意がない場合（APPI-28-1）、又は同意以外の根拠による場合は、未記載として示す。',
  },
  asOf: {
    en: 'Only flows in force on the report date are recorded; consents given after it, or withdrawn by it, do not count.',
    ja: '基準日に存在するフローのみを記録する。基準日より後の同意及び基準日までに撤回された同意は数えない。',
  },
  summaryHeading: { en: 'Summary', ja: '概要' },
  exclusionsHeading: { en: 'Flows that need no record', ja: '記録を要しないフロー' },
  exclusionsNote: {
    en: 'Flows between organizations whose ground the law exempts from the record obligation (APPI Art. 29(1) proviso: the Art. 27(1) exceptions and Art. 27(5) entrustment, succession and joint use, which abroad exempt only when the recipient is in an adequate country or bound to equivalent measures), or which carry no personal data. Flows within one organization are not provisions at all.',
    ja: '法が記録義務を免除する根拠によるフロー（法第29条第1項ただし書：第27条第1項各号の場合及び第27条第5項の委託・事業の承継・共同利用。外国にある第三者への提供では、提供先が十分性認定国にあるか基準適合体制を整備している場合に限る）、及び個人データを含まないフロー。同一法人内のフローはそもそも第三者提供に当たらない。',
  },
  recordsHeading: { en: 'Records', ja: '記録' },
  excludedHeading: { en: 'Flows left out, and why', ja: '記録の対象外としたフローとその理由' },
} satisfies Record<string, Localized>;

const RECORD_TYPES: Record<RecordType, Localized> = {
  provision: { en: 'Provision (APPI Art. 29)', ja: '第三者提供（法第29条）' },
  receipt: { en: 'Receipt (APPI Art. 30)', ja: '第三者からの受領（法第30条）' },
  'personally-referable': { en: 'Personally referable information (APPI Art. 31(3))', ja: '個人関連情報の提供（法第31条第3項）' },
};

const EXCLUSIONS: Record<ExclusionReason, Localized> = {
  internal: {
    en: 'Declared internal use: no record is drawn for it (where the organizations differ, the findings report shows it as a provision without consent, APPI-27-1).',
    ja: '社内利用として申告されているため記録を作成しない（法人が異なる場合は、同意のない第三者提供として指摘事項報告に示される（APPI-27-1））。',
  },
  entrustment: { en: 'Entrustment (APPI Art. 27(5)(i)): not a provision to a third party; no record (Art. 29(1) proviso).', ja: '委託（法第27条第5項第1号）は第三者提供に当たらず、記録を要しない（法第29条第1項ただし書）。' },
  succession: { en: 'Business succession (APPI Art. 27(5)(ii)): not a provision to a third party; no record (Art. 29(1) proviso).', ja: '事業の承継（法第27条第5項第2号）は第三者提供に当たらず、記録を要しない（法第29条第1項ただし書）。' },
  'shared-use': { en: 'Joint use (APPI Art. 27(5)(iii)): not a provision to a third party; no record (Art. 29(1) proviso).', ja: '共同利用（法第27条第5項第3号）は第三者提供に当たらず、記録を要しない（法第29条第1項ただし書）。' },
  law: { en: 'Provision under a legal exception (APPI Art. 27(1) items): no record (Art. 29(1) proviso).', ja: '法令に基づく場合等（法第27条第1項各号）の提供であり、記録を要しない（法第29条第1項ただし書）。' },
  'no-personal-data': { en: 'Carries no personal data and no personally referable information (statistical, anonymised or pseudonymised data only).', ja: '個人データも個人関連情報も含まない（統計情報、匿名加工情報又は仮名加工情報のみ）。' },
  'recipient-cannot-identify': {
    en: 'Personally referable information only, to a recipient not known to be able to identify the people: no confirmation record (APPI Art. 31 applies only when the recipient is expected to acquire it as personal data).',
    ja: '個人関連情報のみであり、提供先が本人を識別できるとは認められないため、確認記録を要しない（法第31条は提供先が個人データとして取得することが想定される場合に限る）。',
  },
};

const SUMMARY: Record<string, Localized> = {
  provisions: { en: 'Provision records', ja: '提供記録の件数' },
  receipts: { en: 'Receipt records', ja: '受領記録の件数' },
  personallyReferable: { en: 'Personally referable information records', ja: '個人関連情報の確認記録の件数' },
  recordsWithMissingItems: { en: 'Records with missing required items', ja: '必要事項が未記載の記録の件数' },
  peopleInProvisions: { en: 'People concerned by the provisions (sum over records)', ja: '提供記録に係る本人の数（記録ごとの合計）' },
  flowsLeftOut: { en: 'Flows between organizations that need no record', ja: '記録を要しない法人間のフロー' },
  flowsWithinOrganization: { en: 'Flows within one organization (not provisions)', ja: '同一法人内のフロー（第三者提供に当たらない）' },
};

const COLUMNS: LocalizedColumn[] = [
  { key: 'recordType', kind: 'text', label: { en: 'Record', ja: '記録の種類' } },
  { key: 'flow', kind: 'text', label: { en: 'Flow', ja: 'フロー' } },
  { key: 'requiredBy', kind: 'text', label: { en: 'Required by', ja: '根拠条項' } },
  { key: 'from', kind: 'date', label: { en: 'Date (from)', ja: '提供年月日（開始）' } },
  { key: 'to', kind: 'date', label: { en: 'Until', ja: '終了日' } },
  { key: 'provider', kind: 'text', label: { en: 'Provider', ja: '提供者' } },
  { key: 'providerId', kind: 'text', label: { en: 'Provider id', ja: '提供者ID' } },
  { key: 'providerAddress', kind: 'text', label: { en: "Provider's address", ja: '提供者の住所' } },
  { key: 'providerRepresentative', kind: 'text', label: { en: "Provider's representative", ja: '提供者の代表者の氏名' } },
  { key: 'recipient', kind: 'text', label: { en: 'Recipient (third party)', ja: '提供先（第三者）' } },
  { key: 'recipientId', kind: 'text', label: { en: 'Recipient id', ja: '提供先ID' } },
  { key: 'recipientCountry', kind: 'text', label: { en: "Recipient's country", ja: '提供先の国' } },
  { key: 'recipientAddress', kind: 'text', label: { en: "Recipient's address", ja: '提供先の住所' } },
  { key: 'recipientRepresentative', kind: 'text', label: { en: "Recipient's representative", ja: '提供先の代表者の氏名' } },
  { key: 'categories', kind: 'list', label: { en: 'Items of data', ja: '個人データの項目' } },
  { key: 'people', kind: 'list', label: { en: 'People concerned', ja: '本人（対象者）' } },
  { key: 'peopleCount', kind: 'people', label: { en: 'Number of people', ja: '本人の数' } },
  { key: 'basis', kind: 'text', label: { en: 'Ground', ja: '提供の根拠' } },
  { key: 'basisCode', kind: 'text', label: { en: 'Ground (code)', ja: '根拠（コード）' } },
  { key: 'notice', kind: 'text', label: { en: 'Notice', ja: '通知・公表文書' } },
  { key: 'consent', kind: 'flag', label: { en: "Person's consent obtained", ja: '本人の同意を得ている旨' } },
  { key: 'consentedPeople', kind: 'people', label: { en: 'People who consented', ja: '同意した本人の数' } },
  { key: 'unconsentedPeople', kind: 'people', label: { en: 'People who did not consent', ja: '同意していない本人の数' } },
  { key: 'consentNotices', kind: 'list', label: { en: 'Notices consented to', ja: '同意の対象となった通知' } },
  { key: 'acquisition', kind: 'list', label: { en: 'How the provider acquired the data', ja: '提供者による取得の経緯' } },
  { key: 'optOutFiled', kind: 'flag', label: { en: 'Opt-out filing published by the PPC', ja: '個人情報保護委員会による届出事項の公表' } },
  { key: 'recordsKept', kind: 'flag', label: { en: 'Records kept (map)', ja: '記録の作成（データマップ上）' } },
  { key: 'missingItems', kind: 'list', label: { en: 'Missing required items', ja: '未記載の必要事項' } },
];

const EXCLUDED_COLUMNS: LocalizedColumn[] = [
  { key: 'flow', kind: 'text', label: { en: 'Flow', ja: 'フロー' } },
  { key: 'provider', kind: 'text', label: { en: 'Sender', ja: '提供元' } },
  { key: 'recipient', kind: 'text', label: { en: 'Recipient', ja: '提供先' } },
  { key: 'basis', kind: 'text', label: { en: 'Ground', ja: '根拠' } },
  { key: 'basisCode', kind: 'text', label: { en: 'Ground (code)', ja: '根拠（コード）' } },
  { key: 'reason', kind: 'text', label: { en: 'Reason (code)', ja: '理由（コード）' } },
  { key: 'explanation', kind: 'text', label: { en: 'Why no record', ja: '記録を要しない理由' } },
];

/** Names of the items a record flags, for the `missingItems` column. */
const ITEMS: Record<string, Localized> = {
  date: { en: 'date of provision', ja: '提供年月日' },
  receiptDate: { en: 'date of receipt', ja: '提供を受けた年月日' },
  consent: { en: "fact that the person's consent was obtained", ja: '本人の同意を得ている旨' },
  consentConfirmed: { en: "fact that the person's consent was confirmed", ja: '本人の同意が得られていることを確認した旨' },
  people: { en: 'matters identifying the people', ja: '本人を特定するに足りる事項' },
  providerAddress: { en: "provider's address", ja: '提供者の住所' },
  providerRepresentative: { en: "provider's representative", ja: '提供者の代表者の氏名' },
  recipientAddress: { en: "recipient's address", ja: '提供先の住所' },
  recipientRepresentative: { en: "recipient's representative", ja: '提供先の代表者の氏名' },
  acquisition: { en: "provider's acquisition circumstances", ja: '提供者による取得の経緯' },
  optOutFiled: { en: 'publication of the opt-out filing', ja: '届出事項が公表されている旨' },
};

/** One flow as the ledger sees it: left out (with why), or the records it needs. */
type Classified = { flow: FlowRow; excluded: ExclusionReason } | { flow: FlowRow; records: RecordType[]; foreign: boolean };

interface PageContext {
  organizations: Map<string, OrganizationRow>;
  categories: Map<string, DataCategoryRow>;
  findings: Map<string, Set<string>>;
}

interface PageResult {
  records: Row[];
  excluded: Row[];
  counts: Record<RecordType, number>;
  missing: number;
  peopleInProvisions: number;
  reasons: Map<ExclusionReason, number>;
}

@Injectable()
export class LedgerReport implements ReportBuilder {
  readonly kind = 'ledger' as const;
  readonly title = { en: 'Third-party provision and receipt ledger', ja: '第三者提供・受領記録簿' };
  readonly requires: readonly ReportOption[] = [];
  constructor(
    private readonly repository: LedgerRepository,
    private readonly catalog: CatalogService,
    private readonly findings: FindingsService,
    private readonly engine: RuleEngine,
    private readonly db: Neo4jService,
  ) {}

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock> {
    const lang = input.lang;
    const filter = { crossOrganization: true, asOf: input.asOf };
    const first = await this.catalog.list('flows', input.map, filter, { first: 0 });
    const within = await this.catalog.list('flows', input.map, { crossOrganization: false, asOf: input.asOf }, { first: 0 });
    const pages = Math.max(1, Math.ceil(first.totalCount / PAGE_SIZE));
    let done = 0;
    const step = () => progress(++done, pages * 3);

    // A first pass counts what the summary states before any record is written (nothing is kept but the counts).
    const totals = { provision: 0, receipt: 0, 'personally-referable': 0, missing: 0, people: 0, reasons: new Map<ExclusionReason, number>() };
    for await (const page of this.pages(input, filter)) {
      const result = await this.recordsOf(input, page, false);
      for (const type of Object.keys(result.counts) as RecordType[]) totals[type] += result.counts[type];
      totals.missing += result.missing;
      totals.people += result.peopleInProvisions;
      for (const [reason, n] of result.reasons) totals.reasons.set(reason, (totals.reasons.get(reason) ?? 0) + n);
      step();
    }
    const leftOut = [...totals.reasons.values()].reduce((a, b) => a + b, 0);

    yield { type: 'paragraph', text: T.intro[lang] };
    yield { type: 'paragraph', text: T.peopleNote[lang], tone: 'note' };
    if (input.asOf) yield { type: 'paragraph', text: T.asOf[lang], tone: 'note' };
    yield { type: 'heading', level: 2, text: T.summaryHeading[lang] };
    const summaryValues: Record<string, number> = {
      provisions: totals.provision,
      receipts: totals.receipt,
      personallyReferable: totals['personally-referable'],
      recordsWithMissingItems: totals.missing,
      peopleInProvisions: totals.people,
      flowsLeftOut: leftOut,
      flowsWithinOrganization: within.totalCount,
    };
    yield {
      type: 'facts',
      key: 'summary',
      facts: Object.entries(summaryValues).map(([key, value]) => ({ key, label: SUMMARY[key][lang], kind: key === 'peopleInProvisions' ? 'people' : 'number', value })),
    };

    yield { type: 'heading', level: 2, text: T.exclusionsHeading[lang] };
    yield { type: 'paragraph', text: T.exclusionsNote[lang] };
    yield {
      type: 'table',
      key: 'exclusionReasons',
      columns: [
        { key: 'reason', label: lang === 'ja' ? '理由（コード）' : 'Reason (code)', kind: 'text' },
        { key: 'explanation', label: lang === 'ja' ? '説明' : 'Explanation', kind: 'text' },
        { key: 'flows', label: lang === 'ja' ? 'フロー数' : 'Flows', kind: 'number' },
      ],
      rows: (Object.keys(EXCLUSIONS) as ExclusionReason[])
        .filter((reason) => totals.reasons.has(reason))
        .map((reason) => ({ reason, explanation: EXCLUSIONS[reason][lang], flows: totals.reasons.get(reason) ?? 0 })),
    };

    yield { type: 'heading', level: 2, text: T.recordsHeading[lang] };
    yield { type: 'table', key: 'records', columns: columnsIn(COLUMNS, lang), rows: this.stream(input, filter, 'records', step) };

    yield { type: 'heading', level: 2, text: T.excludedHeading[lang] };
    yield { type: 'table', key: 'excluded', columns: columnsIn(EXCLUDED_COLUMNS, lang), rows: this.stream(input, filter, 'excluded', step) };
  }

  private async *stream(input: ReportInput, filter: Record<string, unknown>, what: 'records' | 'excluded', step: () => void): AsyncIterable<Row> {
    for await (const page of this.pages(input, filter)) {
      const result = await this.recordsOf(input, page, what === 'excluded');
      yield* what === 'records' ? result.records : result.excluded;
      step();
    }
  }

  /** The cross-organization flows in force, a page at a time, in id order. */
  private async *pages(input: ReportInput, filter: Record<string, unknown>): AsyncIterable<FlowRow[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.catalog.scan('flows', input.map, filter as Record<string, string | boolean | null>, { first: PAGE_SIZE, after });
      if (page.items.length > 0) yield page.items;
      if (!page.hasNextPage || !page.endCursor) return;
      after = page.endCursor;
    }
  }

  /** Classifies a page of flows and writes their records (`excludedOnly`: only what the left-out table needs). */
  private recordsOf(input: ReportInput, flows: FlowRow[], excludedOnly: boolean): Promise<PageResult> {
    return this.db.readMap(input.map, 'reports.ledger.page', async (s) => {
      const context = await this.contextOf(s, input, flows, excludedOnly);
      const classified = flows.map((f) => classify(f, context));
      const result: PageResult = { records: [], excluded: [], counts: { provision: 0, receipt: 0, 'personally-referable': 0 }, missing: 0, peopleInProvisions: 0, reasons: new Map() };
      for (const c of classified) {
        if (!('excluded' in c)) continue;
        result.reasons.set(c.excluded, (result.reasons.get(c.excluded) ?? 0) + 1);
        result.excluded.push(excludedRow(c.flow, c.excluded, context, input.lang));
      }
      if (excludedOnly) return result;
      const recorded = classified.filter((c): c is Extract<Classified, { records: RecordType[] }> => 'records' in c);
      const details = await this.repository.flowDetailsIn(s, recorded.map((c) => c.flow.id), input.asOf);
      for (const c of recorded) {
        const d = details.get(c.flow.id);
        if (!d) continue;
        for (const type of c.records) {
          const { row, missing } = recordRow(type, c.flow, c.foreign, d, context, input.lang);
          result.records.push(row);
          result.counts[type]++;
          if (missing) result.missing++;
          if (type === 'provision') result.peopleInProvisions += d.headcount;
        }
      }
      return result;
    });
  }

  /**
   * The organizations, categories and findings a page's records name. Findings (evaluated on demand as
   * of a date) are asked only for the flows whose records or classification depend on them: the
   * recorded flows, and the personally referable ones whose recipient's ability to identify is inferred.
   */
  private async contextOf(s: MapSession, input: ReportInput, flows: FlowRow[], excludedOnly: boolean): Promise<PageContext> {
    const organizations = await this.catalog.byIdsIn(s, 'organizations', flows.flatMap((f) => [f.sender, f.recipient]));
    const categories = await this.catalog.byIdsIn(s, 'dataCategories', flows.flatMap((f) => f.dataCategories));
    const findings = new Map<string, Set<string>>();
    const ids = flows
      .filter((f) => {
        const c = classify(f, { organizations, categories, findings });
        return 'excluded' in c ? c.excluded === 'recipient-cannot-identify' && f.recipientCanIdentify === null : !excludedOnly;
      })
      .map((f) => f.id);
    let found: Finding[] = [];
    if (ids.length > 0 && input.asOf === null && this.findings.storedAreCurrent(input.map)) {
      found = await this.findings.ofTargets(s, input.map, { ids, keys: new Set(ids.map((id) => `flow:${id}`)) }, null);
    } else if (ids.length > 0) {
      // Evaluated on demand (as of a date, or stored with another rule pack): only the rules a record depends on.
      found = (await this.engine.evaluateIn(s, { asOf: input.asOf, targets: ids, rules: LEDGER_RULES })).filter((f) => f.target.kind === 'flow');
    }
    for (const f of found) {
      const rules = findings.get(f.target.id) ?? new Set<string>();
      rules.add(f.rule);
      // APPI-31-1 says how it knows the recipient can identify: declared by the map, or inferred from what the recipient holds.
      if (f.rule === 'APPI-31-1' && f.reason === 'inferred') rules.add('APPI-31-1:inferred');
      findings.set(f.target.id, rules);
    }
    return { organizations, categories, findings };
  }
}


/**
 * What a cross-organization flow needs: a provision record and a receipt record when it carries
 * personal data on a ground that is not exempt (abroad, the Art. 27(5) grounds exempt only towards an
 * adequate country or a recipient bound to equivalent measures: Art. 28(1)); an Art. 31(3) record when
 * it carries only personally referable data to a recipient that can identify (declared, or inferred by
 * APPI-31-1).
 */
export function classify(flow: FlowRow, context: Pick<PageContext, 'organizations' | 'categories' | 'findings'>): Classified {
  const recipient = context.organizations.get(flow.recipient);
  const foreign = !!recipient && !APPI_ADEQUATE_COUNTRIES.has(recipient.country) && flow.equivalentMeasures !== true;
  const exempt = EXEMPT_BASES[flow.basis];
  if (exempt === 'law' || (exempt && !foreign) || flow.basis === 'INTERNAL') return { flow, excluded: exempt };
  const classes = flow.dataCategories.map((id) => context.categories.get(id)?.class);
  if (classes.some((c) => c !== undefined && PERSONAL_CLASSES.includes(c))) return { flow, records: ['provision', 'receipt'], foreign };
  if (!classes.includes('PERSONALLY_REFERABLE')) return { flow, excluded: 'no-personal-data' };
  const identifies = flow.recipientCanIdentify === true || (flow.recipientCanIdentify === null && (context.findings.get(flow.id)?.has('APPI-31-1:inferred') ?? false));
  return identifies ? { flow, records: ['personally-referable'], foreign } : { flow, excluded: 'recipient-cannot-identify' };
}

function excludedRow(flow: FlowRow, reason: ExclusionReason, context: PageContext, lang: Lang): Row {
  return {
    flow: flow.id,
    provider: organizationName(context.organizations.get(flow.sender), flow.sender, lang),
    recipient: organizationName(context.organizations.get(flow.recipient), flow.recipient, lang),
    basis: BASIS_TERMS[flow.basis][lang],
    basisCode: flow.basis,
    reason,
    explanation: EXCLUSIONS[reason][lang],
  };
}


/** One record of a flow, and whether it lacks a required item. */
export function recordRow(type: RecordType, flow: FlowRow, foreign: boolean, d: LedgerFlowDetails, context: Pick<PageContext, 'organizations' | 'findings'>, lang: Lang): { row: Row; missing: boolean } {
  const optOut = flow.basis === 'OPT_OUT';
  const found = context.findings.get(flow.id) ?? new Set<string>();
  const sender = context.organizations.get(flow.sender);
  const recipient = context.organizations.get(flow.recipient);
  // The item lists of Rules 20(1), 24(1) and 28(1): (i) opt-out, (ii) consent (and every other ground, which needed consent).
  const rule = type === 'provision' ? (optOut ? 'APPI Rules 20(1)(i)' : 'APPI Rules 20(1)(ii)') : type === 'receipt' ? (optOut ? 'APPI Rules 24(1)(i)' : 'APPI Rules 24(1)(ii)') : 'APPI Rules 28(1)';
  const requiredBy = {
    provision: `APPI Art. 29(1)${foreign ? ', 28(1)' : ''}; ${rule}`,
    receipt: `APPI Art. 30(1), (3); ${rule}`,
    'personally-referable': `APPI Art. 31(1), (3); ${rule}`,
  }[type];
  const flagged: string[] = [];
  const flag = (item: string, by: string): MissingValue => {
    flagged.push(ITEMS[item][lang]);
    return missing(by);
  };

  let from: Row[string] = flow.validFrom ?? null;
  if (optOut && !flow.validFrom && type !== 'personally-referable') from = flag(type === 'receipt' ? 'receiptDate' : 'date', rule);

  let consent: Row[string] = null;
  if (type === 'personally-referable') {
    const confirmed = flow.basis === 'CONSENT' && !found.has('APPI-31-1');
    consent = confirmed ? true : flag('consentConfirmed', 'APPI Art. 31(1)(i); Rules 28(1)');
  } else if (!optOut) {
    const obtained = flow.basis === 'CONSENT' && !found.has('APPI-27-1') && !found.has('APPI-28-1');
    consent = obtained ? true : flag('consent', rule);
  }

  const people: Row[string] = d.people.map((p) => p.id).concat(d.peopleTotal > d.people.length ? [`… (${d.peopleTotal - d.people.length})`] : []);
  let peopleCount: Row[string] = d.headcount;
  if (d.peopleTotal === 0) peopleCount = type === 'personally-referable' ? null : flag('people', rule);

  const row: Row = {
    recordType: RECORD_TYPES[type][lang],
    flow: flow.id,
    requiredBy,
    from,
    to: flow.validTo ?? null,
    provider: organizationName(sender, flow.sender, lang),
    providerId: flow.sender,
    providerAddress: type === 'receipt' ? flag('providerAddress', rule) : null,
    providerRepresentative: type === 'receipt' ? flag('providerRepresentative', rule) : null,
    recipient: organizationName(recipient, flow.recipient, lang),
    recipientId: flow.recipient,
    recipientCountry: recipient?.country ?? flow.recipientCountry ?? null,
    recipientAddress: type === 'personally-referable' ? flag('recipientAddress', rule) : null,
    recipientRepresentative: type === 'personally-referable' ? flag('recipientRepresentative', rule) : null,
    categories: d.categories.map((c) => c.name),
    people,
    peopleCount,
    basis: BASIS_TERMS[flow.basis][lang],
    basisCode: flow.basis,
    notice: flow.notice ?? null,
    consent,
    consentedPeople: flow.basis === 'CONSENT' ? d.consentedHeadcount : null,
    unconsentedPeople: flow.basis === 'CONSENT' ? d.headcount - d.consentedHeadcount : null,
    consentNotices: flow.basis === 'CONSENT' ? d.consentNotices : null,
    acquisition: null,
    optOutFiled: null,
    recordsKept: type === 'receipt' ? null : flow.recordsKept,
    missingItems: [],
  };
  if (type === 'receipt') {
    const acquisition = acquisitionOf(d, context.organizations, lang);
    row.acquisition = acquisition.length > 0 ? acquisition : flag('acquisition', 'APPI Art. 30(1)(ii); ' + rule);
    if (optOut) row.optOutFiled = sender?.optOutFiled ? true : flag('optOutFiled', rule);
  }
  row.missingItems = flagged;
  return { row, missing: flagged.length > 0 };
}

/** How the provider came to hold the provided categories: its collections, its derivations, what other organizations gave it. */
function acquisitionOf(d: LedgerFlowDetails, organizations: Map<string, OrganizationRow>, lang: Lang): string[] {
  const names = new Map(d.categories.map((c) => [c.id, c.name]));
  const cats = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(lang === 'ja' ? '、' : ', ');
  const lines: string[] = [];
  for (const c of d.collections) {
    const method = METHOD_TERMS[c.method as keyof typeof METHOD_TERMS]?.[lang] ?? c.method;
    const notice = c.notice ? (lang === 'ja' ? `、通知 ${c.notice}` : `, notice ${c.notice}`) : lang === 'ja' ? '、通知なし' : ', no notice';
    lines.push(lang === 'ja' ? `収集 ${c.id}（${c.system}）：${cats(c.categories)}を${method}${notice}` : `collection ${c.id} (${c.system}): ${cats(c.categories)}, ${method}${notice}`);
  }
  for (const x of d.derivations) lines.push(lang === 'ja' ? `生成 ${x.id}（${x.system}）：${cats(x.categories)}を他のデータから作成` : `derivation ${x.id} (${x.system}): ${cats(x.categories)} made from other data`);
  for (const g of d.received) {
    const from = organizationName(organizations.get(g.sender), g.sender, lang);
    lines.push(lang === 'ja' ? `受領 ${g.id}：${cats(g.categories)}を${from}から（${BASIS_TERMS[g.basis as keyof typeof BASIS_TERMS]?.ja ?? g.basis}）` : `received by flow ${g.id}: ${cats(g.categories)} from ${from} (${BASIS_TERMS[g.basis as keyof typeof BASIS_TERMS]?.en ?? g.basis})`);
  }
  const more = d.collectionTotal + d.derivationTotal + d.receivedTotal - lines.length;
  if (more > 0) lines.push(lang === 'ja' ? `ほか${more}件（先頭${LEDGER_LIST_CAP}件ずつを表示）` : `and ${more} more (the first ${LEDGER_LIST_CAP} of each are shown)`);
  return lines;
}
