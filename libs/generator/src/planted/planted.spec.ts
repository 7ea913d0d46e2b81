import { ruleDefinitions } from '@tadoru/rules';
import { plantedRules, plantScenarios, RULE_IDS, RULE_SEVERITY, wholeCatalogue } from '.';

describe('planted scenarios', () => {
  const catalogue = ruleDefinitions();

  it('exist for exactly the rules of the catalogue (cypher/rules), no more, no fewer', () => {
    expect([...plantedRules()].sort()).toEqual(catalogue.map((r) => r.id).sort());
    expect([...RULE_IDS].sort()).toEqual(catalogue.map((r) => r.id).sort());
  });

  it('take their severities from the rule files', () => {
    expect(RULE_SEVERITY).toEqual(Object.fromEntries(catalogue.map((r) => [r.id, r.severity])));
    for (const finding of plantScenarios(1, wholeCatalogue()).flatMap((s) => s.findings)) expect(finding.severity).toBe(RULE_SEVERITY[finding.rule]);
  });

  it('expect findings of every rule of the catalogue, and of no other', () => {
    const rules = new Set(plantScenarios(1, wholeCatalogue()).flatMap((s) => s.findings.map((f) => f.rule)));
    expect([...rules].sort()).toEqual(catalogue.map((r) => r.id).sort());
  });
});
