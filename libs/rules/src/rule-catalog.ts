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

/** Every rule under `cypher/rules/`: adding a rule is adding a file (and its tests). */
@Injectable()
export class RuleCatalog {
  readonly rules: readonly RuleDefinition[];
  /** Identifies this rule pack: every rule file's text and the engine revision. */
  readonly digest: string;
  private readonly byId: Map<string, RuleDefinition>;

  constructor(cypher: CypherRegistry) {
    const rules = cypher.keys('rules/').map((key) => parseRuleDefinition(cypher.get(key)));
    this.byId = new Map();
    for (const rule of rules) {
      if (this.byId.has(rule.id)) throw new Error(`rule ${rule.id} is defined twice (${this.byId.get(rule.id)?.key} and ${rule.key})`);
      this.byId.set(rule.id, rule);
    }
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
