import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@tadoru/common';
import { CypherRegistry } from '@tadoru/graph';
import { parseRuleDefinition, RuleDefinition } from './rule-definition';

/** Every rule under `cypher/rules/`: adding a rule is adding a file (and its tests). */
@Injectable()
export class RuleCatalog {
  readonly rules: readonly RuleDefinition[];
  private readonly byId: Map<string, RuleDefinition>;

  constructor(cypher: CypherRegistry) {
    const rules = cypher.keys('rules/').map((key) => parseRuleDefinition(cypher.get(key)));
    this.byId = new Map();
    for (const rule of rules) {
      if (this.byId.has(rule.id)) throw new Error(`rule ${rule.id} is defined twice (${this.byId.get(rule.id)?.key} and ${rule.key})`);
      this.byId.set(rule.id, rule);
    }
    this.rules = [...rules].sort((a, b) => a.id.localeCompare(b.id));
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
