import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PinnedMap } from '@tadoru/catalog';
import { FindingsService } from '@tadoru/rules';
import { DataMapType } from '../maps/data-map.type';
import { FindingArgs, FindingsArgs } from './findings.args';
import { ExplanationParent, toFindingListType } from './finding.mapper';
import { FindingExplanationType, FindingListType } from './finding.types';
import { Requires } from '@tadoru/auth';

/** The findings of a map: filtered, paged, and one explained. */
@Requires('read')
@Resolver(() => DataMapType)
export class FindingsResolver {
  constructor(private readonly findingsService: FindingsService) {}

  @ResolveField(() => FindingListType, {
    description: 'The rules this map breaks, most severe first: stored with the version (evaluated by the write that made it); evaluated on demand as of a date.',
  })
  async findings(@Parent() m: PinnedMap, @Args() args: FindingsArgs): Promise<FindingListType> {
    const page = await this.findingsService.list(
      m,
      { rules: args.rule, severities: args.severity, organization: args.organization, targetKind: args.targetKind, targetId: args.targetId, asOf: args.asOf },
      { first: args.first, after: args.after },
    );
    return toFindingListType(page);
  }

  @ResolveField(() => FindingExplanationType, { description: 'One finding explained: the rule, the facts, the path, the people. NOT_FOUND when the map does not break that rule there.' })
  async finding(@Parent() m: PinnedMap, @Args() args: FindingArgs): Promise<ExplanationParent> {
    return { ...(await this.findingsService.explain(m, args.id, args.asOf)), map: m };
  }
}
