import { Injectable } from '@nestjs/common';
import { MapSession, MapSnapshot, Neo4jService } from '@tadoru/graph';
import { AssetRef, categoryOfAsset, chainTo, FeedEdge, LineageService, systemOfAsset, systemsOf } from '@tadoru/lineage';
import { assetId } from '@tadoru/map';
import { compareFindings, Finding, findingId, PathStep } from './finding';
import { fillTemplate } from './message-template';
import { RuleCatalog } from './rule-catalog';
import { RuleDefinition, TargetKind } from './rule-definition';
import { RulesRepository } from './rules.repository';

export interface EvaluateOptions {
  /** ISO date: flows, derivations and consents not in force that day are left out before any rule runs. */
  asOf?: string | null;
  /** Rule ids to run; all when absent. */
  rules?: readonly string[] | null;
  /** Only these targets (ids of each rule's target kind): evaluation scoped to some elements. */
  targets?: readonly string[] | null;
}

/** Columns every rule may return; anything else it returns is evidence. */
interface RuleRow {
  target: string;
  /** Needed only from a rule with several target kinds. */
  targetKind?: TargetKind;
  affectedPeople?: number | null;
  /** System the offending data leaves from, and the one it reaches (for a flow: its two systems). */
  pathFrom?: string | null;
  pathTo?: string | null;
  /** The offending categories: the path is traced back from them to a system that collects one. */
  categories?: string[] | null;
  organizations?: string[] | null;
  reason?: string | null;
  [column: string]: unknown;
}

const STANDARD_COLUMNS = new Set(['target', 'targetKind', 'affectedPeople', 'pathFrom', 'pathTo', 'organizations', 'reason']);

/** A rule scan reads the whole map; it may take longer than an API request's default timeout. */
export const EVALUATION_TIMEOUT_MS = 10 * 60_000;

/** Bounds of the walk that finds a finding's path back to where its data was collected. */
const PATH_LIMITS = { maxDepth: 25, maxNodes: 2_000 };

/**
 * Runs the rule files over one stored map and turns their rows into findings, each with the path its
 * data took, traced back through flows and derivations to a system that collected it.
 */
@Injectable()
export class RuleEngine {
  constructor(
    private readonly db: Neo4jService,
    private readonly catalog: RuleCatalog,
    private readonly repository: RulesRepository,
    private readonly lineage: LineageService,
  ) {}

  /** Evaluates the rules on one stored map version, in a read transaction of its own. */
  evaluate(map: MapSnapshot, options: EvaluateOptions = {}): Promise<Finding[]> {
    return this.db.readMap(map, 'rules.evaluate', (s) => this.evaluateIn(s, options), EVALUATION_TIMEOUT_MS);
  }

  /** Evaluates inside the caller's unit of work (a write evaluates the version it is writing, before it commits). */
  async evaluateIn(s: MapSession, options: EvaluateOptions = {}): Promise<Finding[]> {
    const rules = this.catalog.select(options.rules ?? null);
    const asOf = options.asOf ?? null;
    const targets = options.targets ? [...options.targets] : null;
    if (targets?.length === 0) return [];
    const hits: Array<{ rule: RuleDefinition; row: RuleRow }> = [];
    for (const rule of rules) {
      const seen = new Set<string>();
      for (const row of (await this.repository.runRule(s, rule, asOf, targets)) as RuleRow[]) {
        const kind = targetKindOf(rule, row);
        // A rule reports at most one finding per target, whatever its query returns.
        if (seen.has(`${kind}:${row.target}`)) continue;
        seen.add(`${kind}:${row.target}`);
        hits.push({ rule, row });
      }
    }
    const paths = await this.tracePaths(s, asOf, hits.map((h) => h.row));
    return hits.map(({ rule, row }, i) => toFinding(rule, row, paths[i])).sort(compareFindings);
  }

  /**
   * One bounded upstream walk per finding, all walked together (one query per level): from the
   * offending categories where the data left, back to the nearest asset whose system collects it.
   */
  private async tracePaths(s: MapSession, asOf: string | null, rows: RuleRow[]): Promise<TracedPath[]> {
    if (rows.length === 0) return [];
    const startIds = rows.map((r) => (r.pathFrom ? (r.categories ?? []).map((c) => assetId(r.pathFrom as string, c)) : []));
    const known = await this.lineage.assetsByIds(s, startIds.flat());
    // Findings that leave from the same assets (several rules on one flow, one flow's categories
    // again) share one walk: each distinct set of starts is walked once.
    const searchOf = new Map<string, number>();
    const distinctStarts: AssetRef[][] = [];
    const searches = startIds.map((ids) => {
      const key = ids.join('\u0000');
      let search = searchOf.get(key);
      if (search === undefined) {
        search = distinctStarts.push(ids.flatMap((id) => known.get(id) ?? [])) - 1;
        searchOf.set(key, search);
      }
      return search;
    });
    const walks = await this.lineage.walk(s, distinctStarts, 'UPSTREAM', { ...PATH_LIMITS, stopAt: (a) => a.collected === true }, asOf);
    return rows.map((row, i) => {
      const walk = walks[searches[i]];
      const source = [...walk.nodes.values()].find((n) => n.collected);
      const chain = source ? chainTo(walk, source.id, 'UPSTREAM') : [];
      const systems = systemsOf(chain, systemOfAsset);
      if (source && chain.length === 0) systems.push(source.system);
      // No collecting system upstream (or the data was collected where it left): the flow's own two systems.
      for (const end of [row.pathFrom, row.pathTo]) if (end && systems[systems.length - 1] !== end) systems.push(end);
      const steps: PathStep[] = source ? [{ kind: 'COLLECTION', via: source.system, fromSystem: source.system, toSystem: source.system, fromCategory: null, toCategory: source.category }] : [];
      steps.push(...chain.map(toStep));
      return { systems, steps };
    });
  }
}

/** The target flow itself, as the last step of its finding's path. */
function ownFlowStep(row: RuleRow): PathStep {
  const category = row.categories?.[0] ?? null;
  return { kind: 'FLOW', via: row.target, fromSystem: row.pathFrom ?? '', toSystem: row.pathTo ?? '', fromCategory: category, toCategory: category };
}

interface TracedPath {
  systems: string[];
  steps: PathStep[];
}

function toStep(edge: FeedEdge): PathStep {
  return {
    kind: edge.kind,
    via: edge.via,
    fromSystem: systemOfAsset(edge.from),
    toSystem: systemOfAsset(edge.to),
    fromCategory: categoryOfAsset(edge.from),
    toCategory: categoryOfAsset(edge.to),
  };
}

function targetKindOf(rule: RuleDefinition, row: RuleRow): TargetKind {
  if (rule.targets.length === 1) return rule.targets[0];
  if (!row.targetKind || !rule.targets.includes(row.targetKind)) {
    throw new Error(`${rule.key}: a rule over ${rule.targets.join(', ')} must return targetKind, one of them (got ${String(row.targetKind)})`);
  }
  return row.targetKind;
}

function toFinding(rule: RuleDefinition, row: RuleRow, path: TracedPath): Finding {
  const target = { kind: targetKindOf(rule, row), id: row.target };
  const reason = row.reason ?? null;
  const template = (reason && rule.messages[reason]) || rule.messages[''];
  const values = { ...row, rule: rule.id };
  const evidence = Object.fromEntries(Object.entries(row).filter(([k]) => !STANDARD_COLUMNS.has(k)));
  return {
    id: findingId(rule.id, target),
    rule: rule.id,
    severity: rule.severity,
    target,
    affectedPeople: typeof row.affectedPeople === 'number' ? row.affectedPeople : null,
    path: path.systems,
    pathSteps: target.kind === 'flow' ? [...path.steps, ownFlowStep(row)] : path.steps,
    message: fillTemplate(template.en, values, 'en'),
    messageJa: fillTemplate(template.ja, values, 'ja'),
    title: rule.title,
    citation: rule.citation,
    explanation: rule.explanation,
    organizations: [...new Set(row.organizations ?? [])],
    reason,
    evidence,
  };
}
