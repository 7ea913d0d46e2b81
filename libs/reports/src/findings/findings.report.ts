import { Injectable } from '@nestjs/common';
import { CatalogService, FlowRow, NoticeRow, StoredMapInfo } from '@tadoru/catalog';
import { formatDate, formatDateTime, formatNumber, formatPeople, Lang } from '@tadoru/common';
import { Finding, FindingsService, RuleCatalog, RuleDefinition, SEVERITY_RANK, SEVERITIES } from '@tadoru/rules';
import { FindingIntroductions, HistoryService, RecordHeader } from '@tadoru/store';
import { Column, Fact, ReportBlock, Row, ScopeEntry } from '../document/report-document';
import { ReportBuilder, ReportInput, ReportOption, ReportProgress } from '../document/report-kind';
import { basisLabel } from '../disclosure/map-terms';
import { ElementNames, evidenceDiagram, evidenceInWords, idsOnPaths } from './evidence-path';
import { CITATION_NOTE, ruleCitation, ruleCure, ruleTitle, SEVERITY_LABELS, TARGET_KIND_LABELS } from './rule-guidance';

/*
 * `findings`: every finding stored for the map version (or evaluated as of the date), most severe
 * first, then by rule; per rule its citation, explanation and cure, per finding its message, the
 * people affected, the evidence path (drawn and in words) and the write that introduced it.
 *
 * JSON shape (`{ report, …keys below }`):
 * - `summary` (facts): `total` (findings), `critical`, `high`, `medium`, `low` (findings of each
 *   severity), `rules` (how many rules are broken).
 * - `rule:<rule id>` (facts, one per rule broken, e.g. `rule:APPI-27-1`): `rule`, `title`, `severity`,
 *   `citation` (current article numbers, pre-2022 ones in brackets), `explanation`, `cure`,
 *   `findings` (count), `mostPeople` (the most people one finding of the rule affects; null: the
 *   rule does not count people).
 * - `finding:<finding id>` (facts, one per finding, e.g. `finding:APPI-27-1:flow:toyota-scores-named`):
 *   `id`, `severity`, `target` (`<kind> <id>`), `message`, `affectedPeople`, `evidence` (the path in
 *   words), `basis` (for a flow: the ground claimed, in words), `notice` (the notice the flow relies
 *   on, with its publication date), `noticePublishedAt`, `introducedVersion`, `introducedAt`,
 *   `introducedBy` (actor name and role), `introduced` (the same in a sentence, saying when the
 *   finding is present since the map's first recorded version, or that no write introduced it: a
 *   finding evaluated as of a date), `cure`. Texts are in the report's language, `severity` too.
 * - `findings` (table, one row per finding, the CSV): `id`, `rule`, `severity` (the catalogue's
 *   `critical`/`high`/`medium`/`low`, as machines filter on it), `targetKind`, `target`,
 *   `message`, `affectedPeople`, `path` (system ids), `introducedVersion`, `introducedAt`, `introducedBy`.
 * Diagram blocks `path:<finding id>` draw each evidence path.
 */

/** Findings read and looked up in the history per step: a page of FindingsService, one statement of each lookup. */
const PAGE = 500;

interface FindingsPageContext {
  findings: Finding[];
  names: ElementNames;
  introductions: FindingIntroductions;
  /** The flows the page's findings are on, and the notices those flows rely on (when the consent was asked, and in which policy). */
  flows: Map<string, FlowRow>;
  notices: Map<string, NoticeRow>;
}

const T = {
  summary: { en: 'Summary', ja: '概要' },
  summaryText: {
    en: 'Every finding of map version {version}{asOf}: {total} findings breaking {rules} rules. Each rule below gives its legal basis, what the law requires, what would cure the findings, and then each finding with the people it affects, the way the data went and the write that introduced it.',
    ja: 'データマップのバージョン{version}{asOf}のすべての指摘事項：違反のある規定{rules}件、指摘{total}件。規定ごとに、法令上の根拠、法令の要求事項、是正方法を示し、続いて指摘ごとに影響を受ける本人の数、データの経路及び指摘を生じさせた記録を示す。',
  },
  asOfClause: { en: ' as of {date}', ja: '（基準日 {date}）' },
  total: { en: 'Findings', ja: '指摘件数' },
  rules: { en: 'Rules broken', ja: '違反のある規定の数' },
  noFindings: { en: 'The map breaks none of the rules.', ja: 'データマップにはいずれの規定に対する違反も見当たらない。' },
  citationNote: { en: 'Article numbers', ja: '条番号について' },
  rule: { en: 'Rule', ja: '規定' },
  title: { en: 'Title', ja: '表題' },
  severity: { en: 'Severity', ja: '重大度' },
  ofSeverity: { en: 'Findings of severity {severity}', ja: '重大度「{severity}」の指摘' },
  citation: { en: 'Legal basis (current [pre-2022] articles)', ja: '根拠条文（現行［改正前］）' },
  explanation: { en: 'What the law requires', ja: '法令の要求事項' },
  cure: { en: 'What would cure it', ja: '是正方法' },
  count: { en: 'Findings', ja: '指摘件数' },
  mostPeople: { en: 'People affected (most by one finding)', ja: '影響を受ける本人の数（1件あたり最大）' },
  ruleText: {
    en: '{count} findings of this rule. Up to {people} are affected by one finding; the same people may be affected by several findings.',
    ja: 'この規定に対する指摘は{count}件。1件の指摘あたり最大{people}が影響を受ける（同じ本人が複数の指摘に該当する場合がある）。',
  },
  ruleTextNoPeople: { en: '{count} findings of this rule.', ja: 'この規定に対する指摘は{count}件。' },
  id: { en: 'Finding id', ja: '指摘ID' },
  target: { en: 'Element', ja: '対象要素' },
  targetKind: { en: 'Kind of element', ja: '対象要素の種類' },
  message: { en: 'Finding', ja: '指摘内容' },
  people: { en: 'People affected', ja: '影響を受ける本人の数' },
  evidence: { en: 'Evidence path', ja: '証跡となるデータの経路' },
  path: { en: 'Systems on the path', ja: '経路上のシステム' },
  basis: { en: 'Ground claimed for the flow', ja: 'フローの根拠として主張されたもの' },
  notice: { en: 'Notice relied on', ja: '根拠とされた通知' },
  noticeText: { en: '{notice}, published {date}', ja: '{notice}（{date}公表）' },
  noticePublishedAt: { en: 'Notice published', ja: '通知の公表日' },
  introduced: { en: 'Introduced', ja: '指摘の発生' },
  introducedVersion: { en: 'Introduced in version', ja: '発生したバージョン' },
  introducedAt: { en: 'Introduced at', ja: '発生日時' },
  introducedBy: { en: 'Introduced by', ja: '記録者' },
  introducedText: { en: 'version {version}, recorded {at} by {actor} ({kind})', ja: 'バージョン{version}（{at}、{actor}による{kind}）' },
  sinceFirst: { en: '; present since the map’s first recorded version', ja: '。データマップの最初の記録から存在する' },
  notRecorded: {
    en: 'no recorded write introduced it (findings evaluated as of a date, or with another rule pack, are not in the history)',
    ja: '発生を記録した更新はない（基準日を指定して評価した指摘や、別の規則集で評価した指摘は履歴に含まれない）',
  },
  allFindings: { en: 'All findings', ja: '指摘事項一覧' },
} as const;

const CHANGE_KINDS: Record<string, { en: string; ja: string }> = {
  import: { en: 'import', ja: '取込み' },
  change: { en: 'change set', ja: '変更' },
  delete: { en: 'deletion', ja: '削除' },
  refresh: { en: 'findings re-evaluated', ja: '再評価' },
  baseline: { en: 'baseline of the history', ja: '履歴の起点' },
};

function text(name: keyof typeof T, lang: Lang, values: Record<string, string | number> = {}): string {
  return T[name][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

@Injectable()
export class FindingsReport implements ReportBuilder {
  readonly kind = 'findings' as const;
  readonly title = { en: 'Findings report', ja: '指摘事項報告書' };
  readonly requires: readonly ReportOption[] = [];

  constructor(
    private readonly findings: FindingsService,
    private readonly rules: RuleCatalog,
    private readonly catalog: CatalogService,
    private readonly history: HistoryService,
  ) {}

  scope(_input: ReportInput): ScopeEntry[] {
    return [];
  }

  async *build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock> {
    const { lang } = input;
    const overall = await this.findings.list(input.map, { asOf: input.asOf }, { first: 0 });
    const perRule = await this.rulesBroken(input);
    const total = overall.totalCount;
    let done = 0;
    progress(done, total * 2);

    yield { type: 'heading', level: 1, text: text('summary', lang) };
    yield {
      type: 'paragraph',
      text: text('summaryText', lang, { version: input.version, asOf: input.asOf ? text('asOfClause', lang, { date: input.asOf }) : '', total: formatNumber(total, lang), rules: formatNumber(perRule.length, lang) }),
    };
    yield {
      type: 'facts',
      key: 'summary',
      facts: [
        { key: 'total', label: text('total', lang), kind: 'number', value: total },
        ...SEVERITIES.map((s): Fact => ({ key: s, label: text('ofSeverity', lang, { severity: SEVERITY_LABELS[s][lang] }), kind: 'number', value: overall.summary[s] })),
        { key: 'rules', label: text('rules', lang), kind: 'number', value: perRule.length },
      ],
    };
    if (total === 0) {
      yield { type: 'paragraph', text: text('noFindings', lang) };
      return;
    }
    yield { type: 'paragraph', tone: 'note', text: `${text('citationNote', lang)}: ${CITATION_NOTE[lang]}` };

    for (const { rule, count, mostPeople } of perRule) {
      yield { type: 'page-break' };
      yield { type: 'heading', level: 1, text: `${rule.id} — ${ruleTitle(rule, lang)}` };
      yield {
        type: 'facts',
        key: `rule:${rule.id}`,
        facts: [
          { key: 'rule', label: text('rule', lang), kind: 'text', value: rule.id },
          { key: 'title', label: text('title', lang), kind: 'text', value: ruleTitle(rule, lang) },
          { key: 'severity', label: text('severity', lang), kind: 'text', value: SEVERITY_LABELS[rule.severity][lang] },
          { key: 'citation', label: text('citation', lang), kind: 'text', value: ruleCitation(rule, lang) },
          { key: 'explanation', label: text('explanation', lang), kind: 'text', value: rule.explanation[lang] },
          { key: 'cure', label: text('cure', lang), kind: 'text', value: ruleCure(rule.id, lang) },
          { key: 'findings', label: text('count', lang), kind: 'number', value: count },
          { key: 'mostPeople', label: text('mostPeople', lang), kind: 'people', value: mostPeople },
        ],
      };
      yield {
        type: 'paragraph',
        text: mostPeople === null ? text('ruleTextNoPeople', lang, { count: formatNumber(count, lang) }) : text('ruleText', lang, { count: formatNumber(count, lang), people: formatPeople(mostPeople, lang) }),
      };
      for await (const page of this.pagesOfRule(input, rule.id)) {
        for (const f of page.findings) {
          yield* this.findingBlocks(f, page, lang);
          progress(++done, total * 2);
        }
      }
    }

    yield { type: 'page-break' };
    yield { type: 'heading', level: 1, text: text('allFindings', lang) };
    const counter = { done, total: total * 2 };
    yield { type: 'table', key: 'findings', columns: tableColumns(lang), rows: this.tableRows(input, perRule, counter, progress) };
  }

  /** The flat table's rows, read again page by page (never the whole list at once). */
  private async *tableRows(input: ReportInput, perRule: Array<{ rule: RuleDefinition }>, counter: { done: number; total: number }, progress: ReportProgress): AsyncIterable<Row> {
    for (const { rule } of perRule) {
      for await (const page of this.pagesOfRule(input, rule.id)) {
        for (const f of page.findings) {
          yield tableRow(f, page.introductions, input.lang);
          progress(++counter.done, counter.total);
        }
      }
    }
  }

  private *findingBlocks(f: Finding, page: FindingsPageContext, lang: Lang): Iterable<ReportBlock> {
    const introduced = page.introductions.byFinding.get(f.id) ?? null;
    const flow = f.target.kind === 'flow' ? page.flows.get(f.target.id) : undefined;
    const notice = flow?.notice ? page.notices.get(flow.notice) : undefined;
    yield { type: 'heading', level: 2, text: `${TARGET_KIND_LABELS[f.target.kind]?.[lang] ?? f.target.kind} ${f.target.id}` };
    yield {
      type: 'facts',
      key: `finding:${f.id}`,
      facts: [
        { key: 'id', label: text('id', lang), kind: 'text', value: f.id },
        { key: 'severity', label: text('severity', lang), kind: 'text', value: SEVERITY_LABELS[f.severity][lang] },
        { key: 'target', label: text('target', lang), kind: 'text', value: `${TARGET_KIND_LABELS[f.target.kind]?.[lang] ?? f.target.kind} ${f.target.id}` },
        { key: 'message', label: text('message', lang), kind: 'text', value: lang === 'ja' ? f.messageJa : f.message },
        { key: 'affectedPeople', label: text('people', lang), kind: 'people', value: f.affectedPeople },
        { key: 'evidence', label: text('evidence', lang), kind: 'text', value: evidenceInWords(f, page.names, lang) },
        { key: 'basis', label: text('basis', lang), kind: 'text', value: flow ? basisLabel(flow.basis, lang) : null },
        { key: 'notice', label: text('notice', lang), kind: 'text', value: notice ? text('noticeText', lang, { notice: notice.id, date: formatDate(notice.publishedAt, lang) }) : null },
        { key: 'noticePublishedAt', label: text('noticePublishedAt', lang), kind: 'date', value: notice?.publishedAt ?? null },
        { key: 'introducedVersion', label: text('introducedVersion', lang), kind: 'number', value: introduced?.version ?? null },
        { key: 'introducedAt', label: text('introducedAt', lang), kind: 'datetime', value: introduced?.at ?? null },
        { key: 'introducedBy', label: text('introducedBy', lang), kind: 'text', value: introduced ? actorOf(introduced) : null },
        { key: 'introduced', label: text('introduced', lang), kind: 'text', value: introducedSentence(introduced, page.introductions.first, lang) },
        { key: 'cure', label: text('cure', lang), kind: 'text', value: ruleCure(f.rule, lang) },
      ],
    };
    const diagram = evidenceDiagram(`path:${f.id}`, `${text('evidence', lang)}: ${f.id}`, f, page.names, lang);
    if (diagram) yield diagram;
  }

  /** The rules the version breaks, most severe first, with how many findings each has and the most people one affects. */
  private async rulesBroken(input: ReportInput): Promise<Array<{ rule: RuleDefinition; count: number; mostPeople: number | null }>> {
    const broken: Array<{ rule: RuleDefinition; count: number; mostPeople: number | null }> = [];
    for (const rule of [...this.rules.rules].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id.localeCompare(b.id))) {
      let count = 0;
      let mostPeople: number | null = null;
      let after: string | null = null;
      for (;;) {
        const page = await this.findings.list(input.map, { rules: [rule.id], asOf: input.asOf }, { first: PAGE, after });
        count = page.totalCount;
        for (const f of page.findings) if (f.affectedPeople !== null) mostPeople = Math.max(mostPeople ?? 0, f.affectedPeople);
        if (!page.hasNextPage || !page.endCursor) break;
        after = page.endCursor;
      }
      if (count > 0) broken.push({ rule, count, mostPeople });
    }
    return broken;
  }

  /** One rule's findings a page at a time, each page with the names its paths need and when each finding was introduced. */
  private async *pagesOfRule(input: ReportInput, rule: string): AsyncIterable<FindingsPageContext> {
    let after: string | null = null;
    for (;;) {
      const page = await this.findings.list(input.map, { rules: [rule], asOf: input.asOf }, { first: PAGE, after });
      if (page.findings.length > 0) {
        const flowIds = page.findings.filter((f) => f.target.kind === 'flow').map((f) => f.target.id);
        const [names, introductions, flows] = await Promise.all([
          this.namesOf(input.map, page.findings),
          this.history.findingIntroductions(input.map.name, input.version, page.findings),
          this.catalog.byIds('flows', input.map, flowIds),
        ]);
        const notices = await this.catalog.byIds('notices', input.map, [...new Set([...flows.values()].flatMap((f) => (f.notice ? [f.notice] : [])))]);
        yield { findings: page.findings, names, introductions, flows, notices };
      }
      if (!page.hasNextPage || !page.endCursor) return;
      after = page.endCursor;
    }
  }

  private async namesOf(map: StoredMapInfo, findings: readonly Finding[]): Promise<ElementNames> {
    const ids = idsOnPaths(findings);
    const [systems, categories] = await Promise.all([this.catalog.byIds('systems', map, ids.systems), this.catalog.byIds('dataCategories', map, ids.categories)]);
    const organizations = await this.catalog.byIds('organizations', map, [...new Set([...systems.values()].map((s) => s.operator))]);
    return { systems, organizations, categories };
  }
}

function actorOf(record: RecordHeader): string {
  return `${record.actor.name} (${record.actor.role})`;
}

function introducedSentence(record: RecordHeader | null, first: RecordHeader | null, lang: Lang): string {
  if (!record) return text('notRecorded', lang);
  const sentence = text('introducedText', lang, { version: record.version, at: formatDateTime(record.at, lang), actor: actorOf(record), kind: CHANGE_KINDS[record.kind]?.[lang] ?? record.kind });
  return first && first.version === record.version ? `${sentence}${text('sinceFirst', lang)}` : sentence;
}

function tableColumns(lang: Lang): Column[] {
  return [
    { key: 'id', label: text('id', lang), kind: 'text' },
    { key: 'rule', label: text('rule', lang), kind: 'text' },
    { key: 'severity', label: text('severity', lang), kind: 'text' },
    { key: 'targetKind', label: text('targetKind', lang), kind: 'text' },
    { key: 'target', label: text('target', lang), kind: 'text' },
    { key: 'message', label: text('message', lang), kind: 'text' },
    { key: 'affectedPeople', label: text('people', lang), kind: 'people' },
    { key: 'path', label: text('path', lang), kind: 'list' },
    { key: 'introducedVersion', label: text('introducedVersion', lang), kind: 'number' },
    { key: 'introducedAt', label: text('introducedAt', lang), kind: 'datetime' },
    { key: 'introducedBy', label: text('introducedBy', lang), kind: 'text' },
  ];
}

function tableRow(f: Finding, introductions: FindingIntroductions, lang: Lang): Row {
  const introduced = introductions.byFinding.get(f.id) ?? null;
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    targetKind: f.target.kind,
    target: f.target.id,
    message: lang === 'ja' ? f.messageJa : f.message,
    affectedPeople: f.affectedPeople,
    path: f.path,
    introducedVersion: introduced?.version ?? null,
    introducedAt: introduced?.at ?? null,
    introducedBy: introduced ? actorOf(introduced) : null,
  };
}
