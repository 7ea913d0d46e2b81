import { CypherRegistry } from '@tadoru/graph';
import { placeholdersOf } from './message-template';
import { parseRuleDefinition } from './rule-definition';

/** The catalogue of shared/spec/rules.md, version 1. */
const CATALOGUE = ['APPI-18-1', 'APPI-20-2', 'APPI-21-1', 'APPI-27-1', 'APPI-27-2', 'APPI-27-5-1', 'APPI-27-5-3', 'APPI-28-1', 'APPI-29', 'APPI-31-1', 'APPI-35', 'APPI-41-6', 'ESA-5-5-PROFILE'];

describe('rule files (cypher/rules)', () => {
  const registry = new CypherRegistry();
  const rules = registry.keys('rules/').map((key) => ({ key, text: registry.get(key).text, rule: parseRuleDefinition(registry.get(key)) }));

  it('are the whole catalogue, one file per rule named after its id', () => {
    expect(rules.map((r) => r.rule.id).sort()).toEqual(CATALOGUE);
    for (const { key, rule } of rules) expect(key).toBe(`rules/${rule.id.toLowerCase()}`);
  });

  it('return every column their messages use, and the columns the engine needs', () => {
    for (const { text, rule } of rules) {
      // The final RETURN clause: the last line that starts with RETURN (subqueries are indented or inline).
      const returned = text.slice([...text.matchAll(/^RETURN\b/gm)].pop()?.index ?? 0);
      const columns = new Set([...returned.matchAll(/\bAS\s+([A-Za-z_]\w*)/g)].map((m) => m[1]));
      // Bare `reason` or `x.y AS name` both count; a bare variable name is returned under its own name.
      for (const m of returned.matchAll(/[\s,(]([A-Za-z_]\w*)\s*(?=,|\n|$)/g)) columns.add(m[1]);
      for (const needed of ['target', 'affectedPeople', 'pathFrom', 'pathTo', 'categories', 'organizations']) {
        expect({ rule: rule.id, column: needed, returned: columns.has(needed) }).toEqual({ rule: rule.id, column: needed, returned: true });
      }
      for (const message of Object.values(rule.messages)) {
        for (const name of [...placeholdersOf(message.en), ...placeholdersOf(message.ja)]) {
          expect({ rule: rule.id, placeholder: name, returned: columns.has(name) || name === 'rule' }).toEqual({ rule: rule.id, placeholder: name, returned: true });
        }
      }
    }
  });

  it('say whom they cite and why, in English and Japanese', () => {
    for (const { rule } of rules) {
      expect(rule.citation).toMatch(/Art\./);
      expect(rule.explanation.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      for (const m of Object.values(rule.messages)) expect(m.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
