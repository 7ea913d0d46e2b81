import { Injectable } from '@nestjs/common';
import { Actor, InvalidInputError, Problem } from '@tadoru/common';
import { ChangeSet, countElements, ElementChange, parseChangeSet, recipientsOfMap, validateChangeSet } from '@tadoru/map';
import { Severity, SEVERITY_RANK } from '@tadoru/rules';
import { ChangeSetOutcome, ChangeSetWriter, HistoryService } from '@tadoru/store';
import { MapDiff } from './map-diff';
import { buildMapDiff } from './diff-builder';

/** A change set as a client gives it: the typed input's document, or the document's text. */
export interface ChangeSetSource {
  document?: unknown;
  content?: string | null;
  format?: 'yaml' | 'json' | null;
}

export type FailOn = Severity | 'none';

export interface ApplyOutcome {
  diff: MapDiff;
  /** False when `failOn` stopped it: an introduced finding reached the threshold, and nothing was written. */
  applied: boolean;
}

/**
 * The architect's workflow on a stored map (shared/spec/changes.md): what a change set would do
 * (propose: nothing written), and applying it onto the version it was checked on. Both give the
 * same diff: findings introduced and resolved, recipients added and removed, element counts.
 */
@Injectable()
export class ChangesService {
  constructor(
    private readonly writer: ChangeSetWriter,
    private readonly history: HistoryService,
  ) {}

  /** The change set of a request, validated: every problem with its path in the document. */
  changeSetOf(source: ChangeSetSource): ChangeSet {
    const given = [source.document !== undefined && source.document !== null, typeof source.content === 'string'].filter(Boolean).length;
    if (given !== 1) {
      throw new InvalidInputError([{ path: 'change', message: given === 0 ? 'give the change set, as the typed `change` input or as the document in `content`' : 'give either `change` or `content`, not both' }]);
    }
    const { change, problems } = typeof source.content === 'string' ? parseChangeSet(source.content, source.format ?? undefined) : validateChangeSet(source.document);
    if (!change) throw new InvalidInputError(problems);
    return change;
  }

  async propose(map: string, change: ChangeSet, actor: Actor, expectedVersion?: number): Promise<MapDiff> {
    return toDiff(await this.writer.apply(map, change, { actor, dryRun: true, expectedVersion }));
  }

  /**
   * Applies a change onto `expectedVersion` (CONFLICT, nothing written, when the map is at another).
   * With `failOn`, it is checked first and not applied when it would introduce a finding at or
   * above that severity.
   */
  async apply(map: string, change: ChangeSet, expectedVersion: number, actor: Actor, failOn: FailOn = 'none'): Promise<ApplyOutcome> {
    checkVersion(expectedVersion, 'expectedVersion');
    if (failOn !== 'none') {
      const proposal = await this.propose(map, change, actor, expectedVersion);
      if (reaches(proposal, failOn)) return { diff: proposal, applied: false };
    }
    return { diff: toDiff(await this.writer.apply(map, change, { actor, dryRun: false, expectedVersion })), applied: true };
  }

  /** What changed from version `from` to `to`: the diff of the two, and the writes between them. */
  async compare(map: string, from: number, to: number) {
    const comparison = await this.history.compare(map, from, to);
    const diff = buildMapDiff({
      map,
      baseVersion: from,
      version: to,
      before: comparison.findingsBefore,
      after: comparison.findingsAfter,
      recipientsBefore: recipientsOfMap(comparison.before),
      recipientsAfter: recipientsOfMap(comparison.after),
      elements: netElementCounts(await this.elementsBetween(map, from, to)),
    });
    return { diff, records: comparison.records };
  }

  private async elementsBetween(map: string, from: number, to: number): Promise<ElementChange[]> {
    const all: ElementChange[] = [];
    for (let v = from + 1; v <= to; v++) all.push(...(await this.history.elementChanges(map, v)));
    return all;
  }
}

/** An introduced finding at or above the threshold. */
export function reaches(diff: MapDiff, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return diff.introduced.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]);
}

function toDiff(outcome: ChangeSetOutcome): MapDiff {
  return buildMapDiff({
    map: outcome.map,
    baseVersion: outcome.baseVersion,
    version: outcome.version,
    before: outcome.effect.before,
    after: outcome.effect.after,
    recipientsBefore: outcome.recipients.before,
    recipientsAfter: outcome.recipients.after,
    elements: countElements(outcome.effect.elements),
  });
}

/** Element counts across several writes: an element counted once, by what happened to it first and last. */
function netElementCounts(changes: readonly ElementChange[]) {
  const first = new Map<string, ElementChange>();
  const last = new Map<string, ElementChange>();
  for (const c of changes) {
    const key = `${c.section}\u0000${c.id}`;
    if (!first.has(key)) first.set(key, c);
    last.set(key, c);
  }
  const net: ElementChange[] = [];
  for (const [key, end] of last) {
    const start = first.get(key)!;
    if (start.before === null && end.after === null) continue; // added and removed again
    const kind = start.before === null ? 'added' : end.after === null ? 'removed' : end.kind === 'retired' ? 'retired' : 'changed';
    net.push({ ...end, kind, before: start.before });
  }
  return countElements(net);
}

function checkVersion(version: number, path: string): void {
  const problems: Problem[] = [];
  if (!Number.isInteger(version) || version < 0) problems.push({ path, message: `must be a version number (0 or more), got ${version}` });
  if (problems.length > 0) throw new InvalidInputError(problems);
}
