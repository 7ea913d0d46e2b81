import { SEVERITIES } from '@tadoru/rules';
import { ChangedFinding, DiffFinding, DiffRecipient, MapDiff, SeverityCounts } from './map-diff';

export const DIFF_FORMATS = ['json', 'table', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A diff as `json` (the document of shared/spec/changes.md, plus `changed`), a terminal `table`, or a pull-request comment in `markdown`. */
export function renderMapDiff(diff: MapDiff, format: DiffFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(contractDiff(diff), null, 2)}\n`;
    case 'table':
      return withoutTrailingSpace(renderTable(diff));
    case 'markdown':
      return withoutTrailingSpace(renderMarkdown(diff));
  }
}

/** The keys of the spec, in its order, whatever object the diff was built as. */
function contractDiff(d: MapDiff) {
  return {
    map: d.map,
    baseVersion: d.baseVersion,
    version: d.version,
    introduced: d.introduced.map(contractFinding),
    resolved: d.resolved.map(contractFinding),
    changed: d.changed.map((c) => ({
      rule: c.rule,
      severity: c.severity,
      target: { kind: c.target.kind, id: c.target.id },
      before: { affectedPeople: c.before.affectedPeople, message: c.before.message, messageJa: c.before.messageJa },
      after: { affectedPeople: c.after.affectedPeople, message: c.after.message, messageJa: c.after.messageJa },
    })),
    recipients: { added: d.recipients.added.map(contractRecipient), removed: d.recipients.removed.map(contractRecipient) },
    elements: { added: d.elements.added, changed: d.elements.changed, retired: d.elements.retired, removed: d.elements.removed },
    summary: { introduced: counts(d.summary.introduced), resolved: counts(d.summary.resolved) },
  };
}

function contractFinding(f: DiffFinding): DiffFinding {
  return { rule: f.rule, severity: f.severity, target: { kind: f.target.kind, id: f.target.id }, affectedPeople: f.affectedPeople, path: f.path, message: f.message, messageJa: f.messageJa };
}

function contractRecipient(r: DiffRecipient): DiffRecipient {
  return { organization: r.organization, system: r.system, category: r.category, flow: r.flow, purposes: r.purposes, derived: r.derived };
}

function counts(c: SeverityCounts): SeverityCounts {
  return { critical: c.critical, high: c.high, medium: c.medium, low: c.low };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `1 critical, 2 high` (only the severities that occur). */
function bySeverity(c: SeverityCounts): string {
  return SEVERITIES.filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}`)
    .join(', ');
}

function verdict(d: MapDiff): string {
  const introduced = d.introduced.length === 0 ? 'introduces no finding' : `introduces ${plural(d.introduced.length, 'finding')} (${bySeverity(d.summary.introduced)})`;
  const resolved = d.resolved.length === 0 ? '' : `, resolves ${d.resolved.length} (${bySeverity(d.summary.resolved)})`;
  return `${introduced}${resolved}`;
}

function versions(d: MapDiff): string {
  const base = d.baseVersion === null ? 'base map' : `version ${d.baseVersion}`;
  const result = d.version === null ? (d.baseVersion === null ? 'proposed map' : 'proposed change') : `version ${d.version}`;
  return `${base} → ${result}`;
}

function elementLine(d: MapDiff): string {
  const e = d.elements;
  return `${e.added} added, ${e.changed} changed, ${e.retired} retired, ${e.removed} removed`;
}

function people(n: number | null): string {
  return n === null ? '' : n.toLocaleString('en-US');
}

function purposes(r: DiffRecipient): string {
  return r.purposes.length > 0 ? r.purposes.join(', ') : '(none stated)';
}

function withoutTrailingSpace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

// ---- table ----

function columns(header: string[], rows: string[][]): string[] {
  // Every column but the last is padded; the last runs to the end of the line.
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join('  ');
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

function findingRows(findings: DiffFinding[]): string[] {
  return columns(
    ['SEVERITY', 'RULE', 'TARGET', 'PEOPLE', 'PATH', 'MESSAGE'],
    findings.map((f) => [f.severity, f.rule, `${f.target.kind} ${f.target.id}`, people(f.affectedPeople), f.path.join(' → '), f.message]),
  );
}

function recipientRows(recipients: DiffRecipient[]): string[] {
  return columns(
    ['ORGANIZATION', 'SYSTEM', 'CATEGORY', 'DERIVED', 'FLOW', 'PURPOSES'],
    recipients.map((r) => [r.organization, r.system, r.category, r.derived ? 'yes' : 'no', r.flow, purposes(r)]),
  );
}

/** One line per changed finding: what changed, not the whole new message (it is in the JSON and Markdown). */
function changedLine(c: ChangedFinding): string {
  const what: string[] = [];
  if (c.before.affectedPeople !== c.after.affectedPeople) what.push(`${people(c.before.affectedPeople) || 'not counted'} → ${people(c.after.affectedPeople) || 'not counted'} people`);
  if (c.before.message !== c.after.message || c.before.messageJa !== c.after.messageJa) what.push('message changed');
  return `  ${c.severity} ${c.rule} ${c.target.kind} ${c.target.id}: ${what.join(', ')}`;
}

function renderTable(d: MapDiff): string {
  const out: string[] = [`map ${d.map}: ${versions(d)}`, `this change ${verdict(d)}`, ''];
  const section = (title: string, lines: string[], empty: string) => out.push(lines.length > 0 ? title : empty, ...lines, '');
  section(`newly receiving (${d.recipients.added.length}):`, d.recipients.added.length > 0 ? recipientRows(d.recipients.added) : [], 'newly receiving: nobody');
  section(`no longer receiving (${d.recipients.removed.length}):`, d.recipients.removed.length > 0 ? recipientRows(d.recipients.removed) : [], 'no longer receiving: nobody');
  section(`introduced findings (${d.introduced.length}):`, d.introduced.length > 0 ? findingRows(d.introduced) : [], 'introduced findings: none');
  section(`resolved findings (${d.resolved.length}):`, d.resolved.length > 0 ? findingRows(d.resolved) : [], 'resolved findings: none');
  if (d.changed.length > 0) section(`findings still present but changed (${d.changed.length}):`, d.changed.map(changedLine), '');
  out.push(`elements: ${elementLine(d)}`);
  return `${out.join('\n')}\n`;
}

// ---- markdown ----

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

function code(id: string): string {
  return `\`${id.replace(/`/g, "'")}\``;
}

function findingTable(findings: DiffFinding[]): string[] {
  return [
    '| Severity | Rule | Target | People | Path | Finding |',
    '|---|---|---|---:|---|---|',
    ...findings.map((f) => `| ${f.severity} | ${f.rule} | ${f.target.kind} ${code(f.target.id)} | ${people(f.affectedPeople)} | ${cell(f.path.join(' → '))} | ${cell(f.message)} |`),
  ];
}

/** The Japanese messages, folded away so that the comment stays short. */
function japanese(findings: DiffFinding[]): string[] {
  if (findings.length === 0) return [];
  return ['', '<details><summary>日本語</summary>', '', ...findings.map((f) => `- **${f.rule}** ${f.target.kind} ${code(f.target.id)}: ${cell(f.messageJa)}`), '', '</details>'];
}

function recipientTable(recipients: DiffRecipient[]): string[] {
  return [
    '| Organization | System | Category | Derived | Flow | Purposes |',
    '|---|---|---|---|---|---|',
    ...recipients.map((r) => `| ${code(r.organization)} | ${code(r.system)} | ${code(r.category)} | ${r.derived ? 'yes' : 'no'} | ${code(r.flow)} | ${cell(purposes(r))} |`),
  ];
}

function renderMarkdown(d: MapDiff): string {
  const mark = d.introduced.length > 0 ? '❌' : '✅';
  const out: string[] = [`## ${mark} tadoru: this change ${verdict(d)}`, '', `Map ${code(d.map)}, ${versions(d)}.`, ''];
  out.push('| Severity | Introduced | Resolved |', '|---|---:|---:|', ...SEVERITIES.map((s) => `| ${s} | ${d.summary.introduced[s]} | ${d.summary.resolved[s]} |`), '');
  if (d.introduced.length > 0) out.push(`### Introduced findings (${d.introduced.length})`, '', ...findingTable(d.introduced), ...japanese(d.introduced), '');
  if (d.resolved.length > 0) out.push(`### Resolved findings (${d.resolved.length})`, '', ...findingTable(d.resolved), ...japanese(d.resolved), '');
  if (d.changed.length > 0) {
    // Findings the base had already: worth a look, not a verdict, so they are folded away.
    out.push(`<details><summary>Findings still present but changed (${d.changed.length})</summary>`, '');
    for (const c of d.changed) {
      const count = c.before.affectedPeople === c.after.affectedPeople ? '' : ` affected people ${people(c.before.affectedPeople) || 'not counted'} → ${people(c.after.affectedPeople) || 'not counted'}.`;
      const message = c.before.message === c.after.message ? '' : ` Now: ${cell(c.after.message)}`;
      out.push(`- ${c.severity} **${c.rule}** ${c.target.kind} ${code(c.target.id)}:${count}${message}`);
    }
    out.push('', '</details>', '');
  }
  if (d.recipients.added.length > 0) out.push(`### Newly receiving (${d.recipients.added.length})`, '', ...recipientTable(d.recipients.added), '');
  if (d.recipients.removed.length > 0) out.push(`### No longer receiving (${d.recipients.removed.length})`, '', ...recipientTable(d.recipients.removed), '');
  if (d.recipients.added.length === 0 && d.recipients.removed.length === 0) out.push('No organization newly receives or stops receiving personal data.', '');
  out.push(`Elements: ${elementLine(d)}.`);
  return `${out.join('\n')}\n`;
}
