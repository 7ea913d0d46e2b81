import { Injectable } from '@nestjs/common';
import { checkAsOf, InvalidInputError, NotFoundError, Problem } from '@tadoru/common';
import { MapDirectoryService } from '@tadoru/catalog';
import { Finding, SeveritySummary, summarise } from './finding';
import { RuleCatalog } from './rule-catalog';
import { RuleDefinition, Severity, SEVERITIES, TargetKind, TARGET_KINDS } from './rule-definition';
import { RuleEngine } from './rule-engine.service';

export interface FindingsFilter {
  rules?: string[] | null;
  severities?: Severity[] | null;
  /** Findings on elements this organization is part of (sender, recipient, operator). */
  organization?: string | null;
  targetKind?: TargetKind | null;
  targetId?: string | null;
  asOf?: string | null;
}

export interface FindingsResult {
  findings: Finding[];
  summary: SeveritySummary;
}

export interface FindingExplanation {
  finding: Finding;
  rule: RuleDefinition;
}

/** Findings as the API asks for them: filtered, and a single one explained. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly engine: RuleEngine,
    private readonly catalog: RuleCatalog,
    private readonly maps: MapDirectoryService,
  ) {}

  async list(map: string, filter: FindingsFilter = {}): Promise<FindingsResult> {
    const problems: Problem[] = [];
    const asOf = checkAsOf(filter.asOf, problems);
    for (const s of filter.severities ?? []) if (!SEVERITIES.includes(s)) problems.push({ path: 'severity', message: `unknown severity "${s}"` });
    if (filter.targetKind && !TARGET_KINDS.includes(filter.targetKind)) problems.push({ path: 'targetKind', message: `unknown target kind "${filter.targetKind}"` });
    if (problems.length > 0) throw new InvalidInputError(problems);
    let rules = this.catalog.select(filter.rules ?? null);
    if (filter.targetKind) rules = rules.filter((r) => r.targets.includes(filter.targetKind as TargetKind));
    if (filter.severities?.length) rules = rules.filter((r) => filter.severities?.includes(r.severity));
    await this.maps.getMap(map);
    const findings =
      rules.length === 0
        ? []
        : await this.engine.evaluate(map, { asOf, rules: rules.map((r) => r.id), targets: filter.targetId ? [filter.targetId] : null });
    const kept = findings.filter(
      (f) => (!filter.organization || f.organizations.includes(filter.organization)) && (!filter.targetKind || f.target.kind === filter.targetKind),
    );
    return { findings: kept, summary: summarise(kept) };
  }

  /** One finding by its id (`<rule>:<kind>:<target>`), with its rule; NOT_FOUND when the map does not break it. */
  async explain(map: string, id: string, asOf?: string | null): Promise<FindingExplanation> {
    const problems: Problem[] = [];
    const date = checkAsOf(asOf, problems);
    const [ruleId, kind, ...rest] = id.split(':');
    const targetId = rest.join(':');
    const rule = this.catalog.get(ruleId);
    if (!rule || !rule.targets.includes(kind as TargetKind) || !targetId) {
      problems.push({ path: 'id', message: `"${id}" is not a finding id: expected <rule>:<target kind>:<target id>, e.g. APPI-27-1:flow:score-delivery` });
    }
    if (problems.length > 0 || !rule) throw new InvalidInputError(problems);
    await this.maps.getMap(map);
    const finding = (await this.engine.evaluate(map, { asOf: date, rules: [rule.id], targets: [targetId] })).find((f) => f.target.kind === kind);
    if (!finding) throw new NotFoundError('finding', id, 'id');
    return { finding, rule };
  }
}
