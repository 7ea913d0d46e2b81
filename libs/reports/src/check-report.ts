import { Problem } from '@tadoru/common';
import { Finding, SEVERITIES } from '@tadoru/rules';
import { CheckReport } from './check.service';

export const CHECK_FORMATS = ['json', 'table', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** A finding exactly as the check contract (shared/spec/data-map.md) prints it, keys in its order. */
function contractFinding(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    target: { kind: f.target.kind, id: f.target.id },
    affectedPeople: f.affectedPeople,
    path: f.path,
    message: f.message,
    messageJa: f.messageJa,
  };
}

export function renderCheckReport(report: CheckReport, format: CheckFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ map: report.map, findings: report.findings.map(contractFinding), summary: report.summary }, null, 2)}\n`;
    case 'table':
      return renderTable(report);
    case 'markdown':
      return renderMarkdown(report);
  }
}

/** Which of the two maps of `check --base` a problem is in. */
export type MapSide = 'base' | 'proposed';

/** A problem of the input; `side` is set by `check --base`, where two maps are read. */
export interface CheckProblem extends Problem {
  side?: MapSide;
}

/** Invalid input, in the requested format (`{"errors":[…]}` for JSON). */
export function renderCheckErrors(problems: CheckProblem[], format: CheckFormat): string {
  if (format === 'json') {
    return `${JSON.stringify({ errors: problems.map((p) => ({ ...(p.side ? { side: p.side } : {}), ...(p.file ? { file: p.file } : {}), path: p.path, message: p.message })) }, null, 2)}\n`;
  }
  const lines = problems.map((p) => `${whereIs(p)}${p.path}: ${p.message}`);
  if (format === 'markdown') return `## Invalid map: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n\n${lines.map((l) => `- ${escapeMarkdown(l)}`).join('\n')}\n`;
  return `invalid map: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** `base map main.yaml: `, `proposed map: `, `map.yaml: ` or nothing. */
function whereIs(p: CheckProblem): string {
  if (p.side) return p.file ? `${p.side} map ${p.file}: ` : `${p.side} map: `;
  return p.file ? `${p.file}: ` : '';
}

function summaryLine(report: CheckReport): string {
  const total = report.findings.length;
  return `${total} finding${total === 1 ? '' : 's'}: ${SEVERITIES.map((s) => `${report.summary[s]} ${s}`).join(', ')}`;
}

function people(f: Finding): string {
  return f.affectedPeople === null ? '' : f.affectedPeople.toLocaleString('en-US');
}

function renderTable(report: CheckReport): string {
  const header = ['SEVERITY', 'RULE', 'TARGET', 'PEOPLE', 'PATH', 'MESSAGE'];
  const rows = report.findings.map((f) => [f.severity, f.rule, `${f.target.kind} ${f.target.id}`, people(f), f.path.join(' > '), f.message]);
  // Every column but the message is padded; the message runs to the end of the line.
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c))
      .join('  ')
      .trimEnd();
  const body = rows.length > 0 ? [line(header), ...rows.map(line)].join('\n') + '\n' : 'no findings\n';
  return `map ${report.map}\n${body}${summaryLine(report)}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function renderMarkdown(report: CheckReport): string {
  const out: string[] = [`# tadoru check: ${escapeMarkdown(report.map)}`, '', summaryLine(report) + '.', ''];
  out.push('| Severity | Count |', '|---|---:|', ...SEVERITIES.map((s) => `| ${s} | ${report.summary[s]} |`), '');
  if (report.findings.length > 0) {
    out.push('| Severity | Rule | Target | People | Path | Finding |', '|---|---|---|---:|---|---|');
    for (const f of report.findings) {
      out.push(`| ${f.severity} | ${f.rule} | ${f.target.kind} \`${f.target.id}\` | ${people(f)} | ${escapeMarkdown(f.path.join(' → '))} | ${escapeMarkdown(f.message)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
