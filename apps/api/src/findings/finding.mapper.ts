import { Finding, FindingExplanation, RuleDefinition } from '@tadoru/rules';
import { FindingType, RuleType } from './finding.types';

/** What `map.finding(id:)` resolves to: the explanation, with the map its people entries are read from. */
export type ExplanationParent = FindingExplanation & { map: string };

export function toRuleType(rule: RuleDefinition): RuleType {
  return { ...rule, targets: rule.targets };
}

export function toFindingType(f: Finding): FindingType {
  return { ...f, evidence: Object.entries(f.evidence).map(([name, value]) => ({ name, value: JSON.stringify(value ?? null) })) };
}
