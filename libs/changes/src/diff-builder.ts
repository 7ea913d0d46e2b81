import { compareFindings, Finding, Severity } from '@tadoru/rules';

import { compareRecipients, ElementCounts, recipientKey } from '@tadoru/map';
import { ChangedFinding, DiffFinding, DiffRecipient, MapDiff, SeverityCounts } from './map-diff';

/** What a diff needs of a finding: a stored or evaluated one, or one the history recorded. */
export type DiffSource = Pick<Finding, 'rule' | 'severity' | 'target' | 'affectedPeople' | 'path' | 'message' | 'messageJa'>;

/** A finding as a diff lists it: the keys of the check contract, in its order. */
export function toDiffFinding(f: DiffSource): DiffFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    target: { kind: f.target.kind, id: f.target.id },
    affectedPeople: f.affectedPeople,
    path: [...f.path],
    message: f.message,
    messageJa: f.messageJa,
  };
}

/** A finding's identity across versions: rule, target kind and target id (changes.md §Diff). */
export function findingKey(f: Pick<Finding, 'rule' | 'target'>): string {
  return `${f.rule}\u0000${f.target.kind}\u0000${f.target.id}`;
}

export interface FindingsDiff {
  introduced: DiffFinding[];
  resolved: DiffFinding[];
  changed: ChangedFinding[];
}

/**
 * Introduced: in `after` and not in `before`; resolved: the other way round. A finding in both is
 * neither, however its message or affected people changed; those are listed under `changed`.
 * Every list is in compareFindings order (most severe first).
 */
export function diffFindings(before: readonly DiffSource[], after: readonly DiffSource[]): FindingsDiff {
  const beforeByKey = new Map(before.map((f) => [findingKey(f), f]));
  const afterByKey = new Map(after.map((f) => [findingKey(f), f]));
  const sorted = (list: readonly DiffSource[]) => [...list].sort((a, b) => compareFindings(a as Finding, b as Finding));
  const changed: ChangedFinding[] = [];
  for (const now of sorted(after)) {
    const was = beforeByKey.get(findingKey(now));
    if (!was || (was.affectedPeople === now.affectedPeople && was.message === now.message && was.messageJa === now.messageJa)) continue;
    changed.push({
      rule: now.rule,
      severity: now.severity,
      target: { kind: now.target.kind, id: now.target.id },
      before: { affectedPeople: was.affectedPeople, message: was.message, messageJa: was.messageJa },
      after: { affectedPeople: now.affectedPeople, message: now.message, messageJa: now.messageJa },
    });
  }
  return {
    introduced: sorted(after.filter((f) => !beforeByKey.has(findingKey(f)))).map(toDiffFinding),
    resolved: sorted(before.filter((f) => !afterByKey.has(findingKey(f)))).map(toDiffFinding),
    changed,
  };
}

/** Recipients in `after` and not in `before` (added) and the other way round (removed), by (organization, system, category). */
export function diffRecipients(before: DiffRecipient[], after: DiffRecipient[]): { added: DiffRecipient[]; removed: DiffRecipient[] } {
  const beforeKeys = new Set(before.map(recipientKey));
  const afterKeys = new Set(after.map(recipientKey));
  return {
    added: after.filter((r) => !beforeKeys.has(recipientKey(r))).sort(compareRecipients),
    removed: before.filter((r) => !afterKeys.has(recipientKey(r))).sort(compareRecipients),
  };
}

export interface MapDiffInput {
  map: string;
  baseVersion: number | null;
  version: number | null;
  before: readonly DiffSource[];
  after: readonly DiffSource[];
  recipientsBefore: DiffRecipient[];
  recipientsAfter: DiffRecipient[];
  elements: ElementCounts;
}

/** The diff document of shared/spec/changes.md §Diff. */
export function buildMapDiff(input: MapDiffInput): MapDiff {
  const findings = diffFindings(input.before, input.after);
  return {
    map: input.map,
    baseVersion: input.baseVersion,
    version: input.version,
    introduced: findings.introduced,
    resolved: findings.resolved,
    changed: findings.changed,
    recipients: diffRecipients(input.recipientsBefore, input.recipientsAfter),
    elements: { ...input.elements },
    summary: { introduced: severityCounts(findings.introduced), resolved: severityCounts(findings.resolved) },
  };
}

export function severityCounts(findings: Array<{ severity: Severity }>): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
