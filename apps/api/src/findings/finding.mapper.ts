import { PinnedMap } from '@tadoru/catalog';
import { Finding, FindingExplanation, FindingsPage, RuleDefinition } from '@tadoru/rules';
import { FindingListType, FindingType, RuleType } from './finding.types';

/** What `map.finding(id:)` resolves to: the explanation, with the map version its people entries are read from. */
export type ExplanationParent = FindingExplanation & { map: PinnedMap };

export function toRuleType(rule: RuleDefinition): RuleType {
  return { ...rule, targets: rule.targets };
}

export function toFindingType(f: Finding): FindingType {
  return { ...f, evidence: Object.entries(f.evidence).map(([name, value]) => ({ name, value: JSON.stringify(value ?? null) })) };
}

export function toFindingListType(page: FindingsPage): FindingListType {
  const nodes = page.findings.map(toFindingType);
  return {
    version: page.version,
    totalCount: page.totalCount,
    summary: page.summary,
    edges: nodes.map((node, i) => ({ cursor: page.cursors[i], node })),
    nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    hasNextPage: page.hasNextPage,
    endCursor: page.endCursor,
  };
}
