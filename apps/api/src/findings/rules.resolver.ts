import { Query, Resolver } from '@nestjs/graphql';
import { RuleCatalog } from '@tadoru/rules';
import { toRuleType } from './finding.mapper';
import { RuleType } from './finding.types';
import { Requires } from '@tadoru/auth';

/** The rule catalogue. */
@Requires('read')
@Resolver()
export class RulesResolver {
  constructor(private readonly catalog: RuleCatalog) {}

  @Query(() => [RuleType], { description: 'Every rule tadoru evaluates (shared/spec/rules.md).' })
  rules(): RuleType[] {
    return this.catalog.rules.map(toRuleType);
  }
}
