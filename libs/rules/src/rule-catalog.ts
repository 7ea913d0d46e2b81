import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InvalidInputError } from '@tadoru/common';
import { CypherRegistry } from '@tadoru/graph';
import { parseRuleDefinition, RuleDefinition } from './rule-definition';

/**
 * Changes whenever what the engine makes of rule rows changes (paths, messages, evidence): stored
 * findings carry the digest they were evaluated with, and are evaluated again when it differs.
 */
const ENGINE_REVISION = 1;

/**
 * The rules as their files declare them (`cypher/rules/*.cypher`, in file order), read and checked
 * from the files alone: no database, so that what needs only ids and severities (the generator's
 * ground truth) reads them from the one place they are written.
 */
export function ruleDefinitions(cypher: CypherRegistry = new CypherRegistry()): RuleDefinition[] {
  const rules = cypher.keys('rules/').map((key) => parseRuleDefinition(cypher.get(key)));
  const seen = new Map<string, RuleDefinition>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`rule ${rule.id} is defined twice (${seen.get(rule.id)?.key} and ${rule.key})`);
    seen.set(rule.id, rule);
  }
  return rules;
}

/** Every rule under `cypher/rules/`: adding a rule is adding a file (and its tests). */
@Injectable()
export class RuleCatalog {
  readonly rules: readonly RuleDefinition[];
  /** Identifies this rule pack: every rule file's text and the engine revision. */
  readonly digest: string;
  private readonly byId: Map<string, RuleDefinition>;

  constructor(cypher: CypherRegistry) {
    const rules = ruleDefinitions(cypher);
    this.byId = new Map(rules.map((rule) => [rule.id, rule]));
    this.rules = [...rules].sort((a, b) => a.id.localeCompare(b.id));
    const hash = createHash('sha256').update(`engine:${ENGINE_REVISION}`);
    for (const key of cypher.keys('rules/')) hash.update(`\n${key}\n${cypher.get(key).text}`);
    this.digest = hash.digest('hex').slice(0, 32);
  }

  get(id: string): RuleDefinition | undefined {
    return this.byId.get(id);
  }

  /** The rules named (all when none are), or BAD_USER_INPUT naming the unknown ones. */
  select(ids: readonly string[] | null | undefined, field = 'rule'): RuleDefinition[] {
    if (!ids || ids.length === 0) return [...this.rules];
    const unknown = ids.filter((id) => !this.byId.has(id));
    if (unknown.length > 0) {
      throw new InvalidInputError(unknown.map((id) => ({ path: field, message: `unknown rule "${id}"; the rules are ${this.rules.map((r) => r.id).join(', ')}` })));
    }
    return this.rules.filter((r) => ids.includes(r.id));
  }
}
