import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { explainFinding } from '@tadoru/rules';
import { PeopleType } from '../catalog/element.types';
import { GqlContext } from '../graphql/loaders';
import { ExplanationParent, toFindingType, toRuleType } from './finding.mapper';
import { FindingExplanationType, FindingType, RuleType } from './finding.types';
import { Requires } from '@tadoru/auth';

@Requires('read')
@Resolver(() => FindingExplanationType)
export class FindingExplanationResolver {
  @ResolveField(() => FindingType)
  finding(@Parent() e: ExplanationParent): FindingType {
    return toFindingType(e.finding);
  }

  @ResolveField(() => RuleType)
  rule(@Parent() e: ExplanationParent): RuleType {
    return toRuleType(e.rule);
  }

  @ResolveField(() => String)
  summary(@Parent() e: ExplanationParent): string {
    return explainFinding(e.finding, 'en');
  }

  @ResolveField(() => String)
  summaryJa(@Parent() e: ExplanationParent): string {
    return explainFinding(e.finding, 'ja');
  }

  @ResolveField(() => [PeopleType], { description: 'The people entries the finding counts (for rules that count people).' })
  people(@Parent() e: ExplanationParent, @Context() { loaders }: GqlContext) {
    const ids = Array.isArray(e.finding.evidence.people) ? (e.finding.evidence.people as string[]) : [];
    return loaders.elementList('people', e.map, ids);
  }
}
