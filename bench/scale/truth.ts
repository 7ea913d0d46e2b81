import { readFileSync } from 'node:fs';

/** A finding as the generator's ground truth and `tadoru check --format json` both give it. */
export interface ComparableFinding {
  rule: string;
  severity: string;
  target: { kind: string; id: string };
  affectedPeople: number | null;
}

export interface TruthComparison {
  /** Exactly the planted findings, nothing else. */
  exact: boolean;
  expected: number;
  found: number;
  /** Planted but not found, and found but not planted (the first few of each). */
  missing: string[];
  unexpected: string[];
}

export function readTruth(file: string): ComparableFinding[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { findings: ComparableFinding[] }).findings;
}

export function compareWithTruth(truth: ComparableFinding[], found: ComparableFinding[]): TruthComparison {
  const expected = new Set(truth.map(keyOf));
  const actual = new Set(found.map(keyOf));
  const missing = [...expected].filter((k) => !actual.has(k));
  const unexpected = [...actual].filter((k) => !expected.has(k));
  return {
    exact: missing.length === 0 && unexpected.length === 0 && expected.size === truth.length && actual.size === found.length,
    expected: truth.length,
    found: found.length,
    missing: missing.slice(0, 10),
    unexpected: unexpected.slice(0, 10),
  };
}

function keyOf(f: ComparableFinding): string {
  return `${f.rule} ${f.severity} ${f.target.kind}:${f.target.id} people=${f.affectedPeople ?? 'null'}`;
}
