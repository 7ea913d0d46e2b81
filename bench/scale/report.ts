import { REPORT_KINDS } from '@tadoru/reports';
import type { BenchDocument, SizeResult } from '../scale';

const n = (value: number): string => value.toLocaleString('en');
const s = (seconds: number): string => `${seconds.toFixed(1)} s`;
const ms = (value: number): string => `${value.toFixed(1)}`;

/** The benchmark's results as the Markdown summary checked into bench/results/ and quoted in the README. */
export function renderMarkdown(doc: BenchDocument): string {
  const sizes = doc.results;
  const header = (title: string) => `| ${title} | ${sizes.map((r) => `${n(r.generate.nodes)} nodes`).join(' | ')} |\n|---|${sizes.map(() => '---:').join('|')}|`;
  const row = (label: string, cell: (r: SizeResult) => string) => `| ${label} | ${sizes.map(cell).join(' | ')} |`;
  const questionNames = Object.keys(sizes[0]?.questions ?? {});
  const lines = [
    '# tadoru scale benchmark',
    '',
    `Run ${doc.ranAt} in ${doc.minutes} min on ${doc.machine.cpus} cores / ${doc.machine.memoryGiB} GiB (Node ${doc.machine.node}); ` +
      `Neo4j heap ${doc.neo4j.heap}, page cache ${doc.neo4j.pageCache}. Seed ${doc.options.seed}; ${doc.options.samples} samples × ${doc.options.rounds} rounds per question after a warm-up. ` +
      'Reproduce with `npm run bench` (`-- --sizes 10000,100000,1000000 --seed 7`).',
    '',
    '## Map and import',
    '',
    header('size'),
    row('relationships', (r) => n(r.generate.relationships)),
    row('flows / people entries', (r) => `${n(r.generate.elements.flows ?? 0)} / ${n(r.generate.elements.people ?? 0)}`),
    row('file', (r) => `${(r.generate.bytes / 2 ** 20).toFixed(0)} MiB`),
    row('generate', (r) => s(r.generate.seconds)),
    row('bulk import, findings included', (r) => s(r.import.seconds)),
    row('… validate / write / evaluate and store findings / publish', (r) =>
      [r.import.validateSeconds, r.import.writeSeconds, r.import.evaluateSeconds, r.import.publishSeconds].map((x) => (x === undefined ? '–' : x.toFixed(1))).join(' / ') + ' s',
    ),
    row('node rows/s while writing', (r) => n(r.import.nodeRowsPerSecond)),
    row('relationship rows/s while writing', (r) => n(r.import.relationshipRowsPerSecond)),
    '',
    '## Correctness: planted violations versus findings',
    '',
    header('check'),
    row('planted findings', (r) => n(r.truth.service.expected)),
    row('rule scan in the service: exact match', (r) => (r.truth.service.exact ? 'yes' : `**no** (${r.truth.service.missing.length} missing, ${r.truth.service.unexpected.length} unexpected)`)),
    row('`tadoru check --format json`: exact match', (r) => (r.truth.check.exact ? 'yes' : `**no** (${r.truth.check.missing.length} missing, ${r.truth.check.unexpected.length} unexpected)`)),
    row('`tadoru check` wall time (stream import + scan + removal)', (r) => s(r.truth.check.seconds)),
    '',
    '## Rule scans',
    '',
    header('scan'),
    row('full scan, first after import', (r) => s(r.ruleScan.firstSeconds)),
    row('full scan, warm', (r) => s(r.ruleScan.warmSeconds)),
    row('findings', (r) => n(r.ruleScan.findings)),
    row('after adding one flow: targets in scope', (r) => (r.scoped.scopeTargets === null ? 'whole map' : n(r.scoped.scopeTargets))),
    row('one flow added in place, stored findings current (write, scope, rules, store): first after the import / next', (r) =>
      `${r.scoped.firstAddSeconds === undefined ? '–' : (r.scoped.firstAddSeconds * 1000).toFixed(0)} / ${((r.scoped.scopeSeconds + r.scoped.scopedEvaluationSeconds) * 1000).toFixed(0)} ms`,
    ),
    row('full scan after adding the flow', (r) => s(r.scoped.fullScanSeconds)),
    row('scoped + earlier findings = full scan', (r) => (r.scoped.identical ? 'identical' : '**differs**')),
    '',
    '## Reports (JSON, Japanese; `npm run bench:reports` for the other formats)',
    '',
    header('report'),
    ...REPORT_KINDS.map((kind) =>
      row(`${kind}: seconds, MiB, peak heap above the service's (MiB)`, (r) => {
        const f = r.reports?.[`${kind}.json`];
        return f ? `${f.seconds} s, ${f.mebibytes} MiB, +${f.peakHeapMiB} MiB` : '–';
      }),
    ),
    '',
    '## Questions: GraphQL over HTTP versus the same statements through the driver (ms)',
    '',
    header('question'),
    ...questionNames.flatMap((q) => [
      row(`${q}: HTTP p50 / p95 / p99`, (r) => `${ms(r.questions[q].http.p50)} / ${ms(r.questions[q].http.p95)} / ${ms(r.questions[q].http.p99)}`),
      row(`${q}: driver p50 / p95 / p99`, (r) => `${ms(r.questions[q].direct.p50)} / ${ms(r.questions[q].direct.p95)} / ${ms(r.questions[q].direct.p99)}`),
      row(`${q}: API overhead (p50, p95 ratio)`, (r) => `${r.questions[q].overheadP50} / ${r.questions[q].overheadP95}`),
      row(`${q}: statements per request, answers cut by a bound`, (r) => `${r.questions[q].statementsPerRequest}, ${r.questions[q].partialAnswers}`),
    ]),
    '',
    '## PostgreSQL baseline: the recipients question as a recursive CTE',
    '',
    header('PostgreSQL'),
    row('load from Neo4j (copy, keys, lineage tables, analyze)', (r) => (r.postgres ? s(r.postgres.loadSeconds) : '–')),
    row('recipients p50 / p95 / p99 (ms)', (r) => (r.postgres ? `${ms(r.postgres.recipients.p50)} / ${ms(r.postgres.recipients.p95)} / ${ms(r.postgres.recipients.p99)}` : '–')),
    row('tadoru recipients over HTTP p50 (ms)', (r) => (r.postgres ? ms(r.postgres.tadoruRecipientsP50) : '–')),
    row('PostgreSQL p50 / tadoru recipients p50', (r) => (r.postgres ? String(r.postgres.ratioP50) : '–')),
    row('tadoru recipients p50 / PostgreSQL p50', (r) => (r.postgres ? String(Math.round((r.postgres.tadoruRecipientsP50 / r.postgres.recipients.p50) * 100) / 100) : '–')),
    row('tadoru lineage of a category over HTTP p50 (ms): the walk alone', (r) => ms(r.questions['lineage of a category (downstream)']?.http.p50 ?? NaN)),
    row('PostgreSQL p50 / tadoru lineage p50', (r) =>
      r.postgres && r.questions['lineage of a category (downstream)'] ? String(Math.round((r.postgres.recipients.p50 / r.questions['lineage of a category (downstream)'].http.p50) * 100) / 100) : '–',
    ),
    row('same answer as tadoru', (r) => (r.postgres ? `${r.postgres.answersAgree} of ${r.postgres.answersAgree + r.postgres.answersDiffer}` : '–')),
    '',
    '## Peak memory (resident, MiB)',
    '',
    header('process'),
    row('service (API, import and bench in one Node process)', (r) => n(r.memory.servicePeakMiB)),
    row('Neo4j (JVM)', (r) => n(r.memory.neo4jPeakMiB)),
    row('PostgreSQL (all its processes)', (r) => (r.memory.postgresPeakMiB === undefined ? '–' : n(r.memory.postgresPeakMiB))),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
