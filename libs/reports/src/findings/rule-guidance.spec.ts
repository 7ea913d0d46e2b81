import { ruleDefinitions } from '@tadoru/rules';
import { RULE_GUIDANCE, ruleCitation, ruleCure, ruleTitle } from './rule-guidance';

describe('rule guidance', () => {
  const rules = ruleDefinitions();

  it('gives every rule of the catalogue a Japanese title and citation and a cure in both languages', () => {
    expect(Object.keys(RULE_GUIDANCE).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const rule of rules) {
      expect(ruleTitle(rule, 'ja')).not.toBe(rule.title);
      expect(ruleCitation(rule, 'ja')).toMatch(/第.+条.*［.+］/);
      expect(ruleCure(rule.id, 'en')).toMatch(/^[A-Z].+\.$/);
      expect(ruleCure(rule.id, 'ja')).toMatch(/。$/);
    }
  });

  it('keeps the header citation in English, with the pre-2022 numbers in brackets', () => {
    const rule = rules.find((r) => r.id === 'APPI-27-1');
    expect(rule && ruleCitation(rule, 'en')).toContain('Art. 27(1) [23(1)]');
    expect(rule && ruleCitation(rule, 'ja')).toContain('第27条第1項［旧第23条第1項］');
  });

  it('says plainly when a rule has no cure written', () => {
    expect(ruleCure('NEW-RULE', 'en')).toContain('No cure is written');
    expect(ruleCure('NEW-RULE', 'ja')).toContain('未記載');
  });
});
