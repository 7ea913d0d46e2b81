import { Bilingual, Severity, TargetKind } from './rule-definition';

export interface FindingTarget {
  kind: TargetKind;
  id: string;
}

/** One rule broken by one element of the map. */
export interface Finding {
  /** Stable: `<rule>:<kind>:<target id>` (a rule reports at most one finding per target). */
  id: string;
  rule: string;
  severity: Severity;
  target: FindingTarget;
  /** Sum of `count` over the people entries the finding is about; null where the rule does not count people. */
  affectedPeople: number | null;
  /** System ids from a system that collects the offending data to the recipient's system. */
  path: string[];
  /** The flows and derivations along `path`, in order (the target's own flow last). */
  pathSteps: PathStep[];
  message: string;
  messageJa: string;
  title: string;
  citation: string;
  explanation: Bilingual;
  /** Organizations involved (sender and recipient, or the operator), for filtering. */
  organizations: string[];
  /** Which branch of the rule's condition held, when it has several. */
  reason: string | null;
  /** The facts the rule found, as the query returned them. */
  evidence: Record<string, unknown>;
}

export interface PathStep {
  kind: 'COLLECTION' | 'FLOW' | 'DERIVATION';
  /** Flow or derivation id; for the first step, the system where the data was collected. */
  via: string;
  fromSystem: string;
  toSystem: string;
  /** The category as it left `fromSystem` and as it arrived (they differ across a derivation). */
  fromCategory: string | null;
  toCategory: string | null;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export function findingId(rule: string, target: FindingTarget): string {
  return `${rule}:${target.kind}:${target.id}`;
}

/** Most severe first, then by rule and target, so reports and tests read the same every run. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.rule.localeCompare(b.rule) ||
    a.target.kind.localeCompare(b.target.kind) ||
    a.target.id.localeCompare(b.target.id)
  );
}

export type SeveritySummary = Record<Severity, number>;

export function summarise(findings: Finding[]): SeveritySummary {
  const summary: SeveritySummary = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}
