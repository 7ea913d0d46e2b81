import { Injectable } from '@nestjs/common';
import { StoredMapInfo } from '@tadoru/catalog';
import { canonicalArguments, checkAsOf, CursorScope, decodeCursor, encodeCursor, InvalidInputError, NotFoundError, Problem } from '@tadoru/common';
import { MapSession, MapSnapshot, Neo4jService } from '@tadoru/graph';
import { compareFindings, Finding, SeveritySummary, summarise } from './finding';
import { RuleCatalog } from './rule-catalog';
import { RuleDefinition, Severity, SEVERITIES, TargetKind, TARGET_KINDS } from './rule-definition';
import { RuleEngine } from './rule-engine.service';
import { FINDINGS_REMOVAL_SLICE, fromStoredRow, removeFindingsSlice, writeFindings } from './stored-findings';

export interface FindingsFilter {
  rules?: string[] | null;
  severities?: Severity[] | null;
  /** Findings on elements this organization is part of (sender, recipient, operator). */
  organization?: string | null;
  targetKind?: TargetKind | null;
  targetId?: string | null;
  asOf?: string | null;
}

export interface FindingsPage {
  /** The map version the findings belong to. */
  version: number;
  findings: Finding[];
  /** The cursor of each finding of the page (pass one as `after` for the findings after it). */
  cursors: string[];
  /** How many match the filter, over all pages. */
  totalCount: number;
  summary: SeveritySummary;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface FindingExplanation {
  finding: Finding;
  rule: RuleDefinition;
}

/** One finding on each element of a list: the target kinds and ids an answer shows. */
export interface FindingTargets {
  ids: readonly string[];
  /** Keep only findings on these `kind:id` pairs (ids are unique per kind only). */
  keys: ReadonlySet<string>;
}

/**
 * The findings of a map version. They are stored with the version (evaluated by the write that made
 * it), so reading them is a lookup; a question "as of" a date, or a version whose findings were
 * evaluated with another rule pack, is evaluated on demand instead.
 */
@Injectable()
export class FindingsService {
  constructor(
    private readonly db: Neo4jService,
    private readonly engine: RuleEngine,
    private readonly catalog: RuleCatalog,
  ) {}

  /** One page of the findings matching the filter, most severe first, with the summary of all that match. */
  async list(map: StoredMapInfo, filter: FindingsFilter = {}, page: { first: number; after?: string | null } = { first: 1_000 }): Promise<FindingsPage> {
    const problems: Problem[] = [];
    const asOf = checkAsOf(filter.asOf, problems);
    for (const s of filter.severities ?? []) if (!SEVERITIES.includes(s)) problems.push({ path: 'severity', message: `unknown severity "${s}"` });
    if (filter.targetKind && !TARGET_KINDS.includes(filter.targetKind)) problems.push({ path: 'targetKind', message: `unknown target kind "${filter.targetKind}"` });
    if (problems.length > 0) throw new InvalidInputError(problems);
    const scope = findingsScope(map, filter);
    const after = page.after ? decodeCursor(page.after, scope) : null;
    let rules = this.catalog.select(filter.rules ?? null);
    if (filter.targetKind) rules = rules.filter((r) => r.targets.includes(filter.targetKind as TargetKind));
    if (filter.severities?.length) rules = rules.filter((r) => filter.severities?.includes(r.severity));

    const all = rules.length === 0 ? [] : await this.matching(map, { ...filter, rules: rules.map((r) => r.id), asOf });
    const start = after === null ? 0 : all.findIndex((f) => f.id === after) + 1;
    const slice = all.slice(start, start + page.first);
    return {
      version: map.version,
      findings: slice,
      cursors: slice.map((f) => encodeCursor(scope, f.id)),
      totalCount: all.length,
      summary: summarise(all),
      hasNextPage: start + page.first < all.length,
      endCursor: slice.length > 0 ? encodeCursor(scope, slice[slice.length - 1].id) : null,
    };
  }

  /** Every finding of a version, most severe first (stored, or evaluated when the stored ones are of another rule pack). */
  async all(map: StoredMapInfo): Promise<Finding[]> {
    return this.matching(map, { rules: this.catalog.rules.map((r) => r.id) });
  }

  /** One finding by its id (`<rule>:<kind>:<target>`), with its rule; NOT_FOUND when the map does not break it. */
  async explain(map: StoredMapInfo, id: string, asOf?: string | null): Promise<FindingExplanation> {
    const problems: Problem[] = [];
    const date = checkAsOf(asOf, problems);
    const [ruleId, kind, ...rest] = id.split(':');
    const targetId = rest.join(':');
    const rule = this.catalog.get(ruleId);
    if (!rule || !rule.targets.includes(kind as TargetKind) || !targetId) {
      problems.push({ path: 'id', message: `"${id}" is not a finding id: expected <rule>:<target kind>:<target id>, e.g. APPI-27-1:flow:score-delivery` });
    }
    if (problems.length > 0 || !rule) throw new InvalidInputError(problems);
    const finding = (await this.matching(map, { rules: [rule.id], targetId, targetKind: kind as TargetKind, asOf: date })).find((f) => f.target.kind === kind);
    if (!finding) throw new NotFoundError('finding', id, 'id');
    return { finding, rule };
  }

  /** The findings on some elements of a version (the flows and derivations an answer shows), in the caller's session. */
  async ofTargets(s: MapSession, map: StoredMapInfo, targets: FindingTargets, asOf: string | null): Promise<Finding[]> {
    if (targets.ids.length === 0) return [];
    const found = this.storedAreCurrent(map) && asOf === null
      ? (await s.run('findings/findings-of-targets', { targets: [...new Set(targets.ids)] })).map((r) => fromStoredRow(r.finding as Record<string, unknown>, this.catalog))
      : await this.engine.evaluateIn(s, { asOf, targets: targets.ids });
    return found.filter((f) => targets.keys.has(`${f.target.kind}:${f.target.id}`)).sort(compareFindings);
  }

  /** Every finding stored with the version `s` reads, in that session (a writer's view of a version it holds the lock of). */
  async storedIn(s: MapSession): Promise<Finding[]> {
    const rows = await s.run('findings/list-stored-findings', { rules: null, severities: null, targetKind: null, targetId: null, organization: null });
    return rows.map((r) => fromStoredRow(r.finding as Record<string, unknown>, this.catalog)).sort(compareFindings);
  }

  /** The findings stored on these targets (all kinds with these ids), in the caller's session. */
  async storedOnTargetsIn(s: MapSession, targets: readonly string[]): Promise<Finding[]> {
    if (targets.length === 0) return [];
    const rows = await s.run('findings/findings-of-targets', { targets: [...new Set(targets)] });
    return rows.map((r) => fromStoredRow(r.finding as Record<string, unknown>, this.catalog)).sort(compareFindings);
  }

  /** Replaces every stored finding of the version `s` writes (in the writer's transaction or batch). */
  async storeAll(s: MapSession, findings: readonly Finding[]): Promise<void> {
    while ((await removeFindingsSlice(s)) === FINDINGS_REMOVAL_SLICE);
    await writeFindings(s, findings);
  }

  /** Stores findings of a version that has none yet (one part of a batched write). */
  async storeNew(s: MapSession, findings: readonly Finding[]): Promise<void> {
    await writeFindings(s, findings);
  }

  /** Removes one slice of a version's stored findings (a generation being removed); returns how many went. */
  removeSlice(s: MapSession): Promise<number> {
    return removeFindingsSlice(s);
  }

  /** Replaces the stored findings on these targets (all kinds with these ids) by those of a scoped evaluation. */
  async storeForTargets(s: MapSession, targets: readonly string[], findings: readonly Finding[]): Promise<void> {
    await s.run('findings/delete-findings-of-targets', { targets: [...targets] });
    await writeFindings(s, findings);
  }

  /** True when the version's stored findings were evaluated with the rule pack this service runs. */
  storedAreCurrent(map: Pick<StoredMapInfo, 'rulesDigest'>): boolean {
    return map.rulesDigest === this.catalog.digest;
  }

  private async matching(map: StoredMapInfo, filter: FindingsFilter & { rules: string[] }): Promise<Finding[]> {
    let findings: Finding[];
    if (filter.asOf || !this.storedAreCurrent(map)) {
      findings = await this.engine.evaluate(map, { asOf: filter.asOf ?? null, rules: filter.rules, targets: filter.targetId ? [filter.targetId] : null });
      findings = findings.filter(
        (f) =>
          (!filter.organization || f.organizations.includes(filter.organization)) &&
          (!filter.targetKind || f.target.kind === filter.targetKind) &&
          (!filter.severities?.length || filter.severities.includes(f.severity)),
      );
    } else {
      findings = await this.db.readMap(map, 'findings.list', async (s) =>
        (
          await s.run('findings/list-stored-findings', {
            rules: filter.rules,
            severities: filter.severities?.length ? filter.severities : null,
            targetKind: filter.targetKind ?? null,
            targetId: filter.targetId ?? null,
            organization: filter.organization ?? null,
          })
        ).map((r) => fromStoredRow(r.finding as Record<string, unknown>, this.catalog)),
      );
    }
    return findings.sort(compareFindings);
  }
}

function findingsScope(map: MapSnapshot, filter: FindingsFilter): CursorScope {
  return { list: 'findings', version: map.version, question: canonicalArguments(filter) };
}
