import { writeFile } from 'node:fs/promises';
import { ExpectedFinding, Severity } from './planted';

/** What `tadoru check` must report on a generated map: exactly these findings, no others. */
export interface GroundTruth {
  map: string;
  seed: number;
  scale: number;
  graph: { nodes: number; relationships: number };
  /** Sorted by rule, then target kind, then target id (code-point order). */
  findings: ExpectedFinding[];
  summary: Record<Severity, number>;
}

export function groundTruth(fields: Omit<GroundTruth, 'findings' | 'summary'>, findings: ExpectedFinding[]): GroundTruth {
  const sorted = [...findings].sort(compareFindings);
  const summary: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of sorted) summary[f.severity]++;
  return { ...fields, findings: sorted, summary };
}

export function compareFindings(a: ExpectedFinding, b: ExpectedFinding): number {
  return compare(a.rule, b.rule) || compare(a.target.kind, b.target.kind) || compare(a.target.id, b.target.id);
}

/** The ground truth as JSON, one finding per line so that files diff well. */
export async function writeGroundTruth(path: string, truth: GroundTruth): Promise<void> {
  const { findings, summary, ...head } = truth;
  const lines = findings.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
  const header = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  await writeFile(path, `${header},\n  "findings": [\n${lines}\n  ],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
