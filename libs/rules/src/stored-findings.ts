import { int, MapSession, Row } from '@tadoru/graph';
import { Finding, PathStep } from './finding';
import { RuleCatalog } from './rule-catalog';
import { Severity, TargetKind } from './rule-definition';

/** A finding as stored with its generation: the catalogue's texts (title, citation, explanation) are not copied. */
export interface StoredFindingRow {
  id: string;
  rule: string;
  severity: Severity;
  targetKind: TargetKind;
  targetId: string;
  affectedPeople: number | null;
  path: string[];
  /** JSON of `PathStep[]`. */
  pathSteps: string;
  message: string;
  messageJa: string;
  organizations: string[];
  reason: string | null;
  /** JSON of the evidence object. */
  evidence: string;
}

export function toStoredRow(f: Finding): StoredFindingRow {
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    targetKind: f.target.kind,
    targetId: f.target.id,
    affectedPeople: f.affectedPeople,
    path: f.path,
    pathSteps: JSON.stringify(f.pathSteps),
    message: f.message,
    messageJa: f.messageJa,
    organizations: f.organizations,
    reason: f.reason,
    evidence: JSON.stringify(f.evidence),
  };
}

/** A stored finding as the engine would have returned it, with its rule's texts from the catalogue. */
export function fromStoredRow(row: Row, catalog: RuleCatalog): Finding {
  const stored = row as unknown as StoredFindingRow;
  const rule = catalog.get(stored.rule);
  if (!rule) throw new Error(`stored finding ${stored.id} names rule ${stored.rule}, which the catalogue does not have`);
  return {
    id: stored.id,
    rule: stored.rule,
    severity: stored.severity,
    target: { kind: stored.targetKind, id: stored.targetId },
    affectedPeople: stored.affectedPeople ?? null,
    path: stored.path ?? [],
    pathSteps: JSON.parse(stored.pathSteps) as PathStep[],
    message: stored.message,
    messageJa: stored.messageJa,
    title: rule.title,
    citation: rule.citation,
    explanation: rule.explanation,
    organizations: stored.organizations ?? [],
    reason: stored.reason ?? null,
    evidence: JSON.parse(stored.evidence) as Record<string, unknown>,
  };
}

/** Rows per write statement and per removal slice. */
const FINDINGS_PER_STATEMENT = 1_000;
const REMOVAL_SLICE = 10_000;

/** Writes a version's findings in the writer's session (its transaction, or one of its batches). */
export async function writeFindings(s: MapSession, findings: readonly Finding[]): Promise<void> {
  for (let i = 0; i < findings.length; i += FINDINGS_PER_STATEMENT) {
    await s.run('findings/write-findings', { rows: findings.slice(i, i + FINDINGS_PER_STATEMENT).map(toStoredRow) });
  }
}

/** Removes one slice of a version's stored findings; returns how many went (repeat while it is the slice size). */
export async function removeFindingsSlice(s: MapSession): Promise<number> {
  const [row] = await s.run('findings/delete-findings-slice', { limit: int(REMOVAL_SLICE) });
  return row.deleted as number;
}

export const FINDINGS_REMOVAL_SLICE = REMOVAL_SLICE;
