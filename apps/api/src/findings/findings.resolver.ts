import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { decodeCursor, encodeCursor, StoredMapInfo } from '@tadoru/catalog';
import { FindingsService } from '@tadoru/rules';
import { DataMapType } from '../maps/data-map.type';
import { FindingArgs, FindingsArgs } from './findings.args';
import { ExplanationParent, toFindingType } from './finding.mapper';
import { FindingExplanationType, FindingListType } from './finding.types';

/** The findings of a map: filtered, paged, and one explained. */
@Resolver(() => DataMapType)
export class FindingsResolver {
  constructor(private readonly findingsService: FindingsService) {}

  @ResolveField(() => FindingListType, { description: 'The rules this map breaks, most severe first. Evaluated on request against the stored map.' })
  async findings(@Parent() m: StoredMapInfo, @Args() args: FindingsArgs): Promise<FindingListType> {
    const { findings, summary } = await this.findingsService.list(m.name, {
      rules: args.rule,
      severities: args.severity,
      organization: args.organization,
      targetKind: args.targetKind,
      targetId: args.targetId,
      asOf: args.asOf,
    });
    let start = 0;
    if (args.after) {
      const afterId = decodeCursor(args.after);
      start = findings.findIndex((f) => f.id === afterId) + 1;
    }
    const page = findings.slice(start, start + args.first);
    return {
      totalCount: findings.length,
      summary,
      nodes: page.map(toFindingType),
      hasNextPage: start + args.first < findings.length,
      endCursor: page.length > 0 ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  @ResolveField(() => FindingExplanationType, { description: 'One finding explained: the rule, the facts, the path, the people. NOT_FOUND when the map does not break that rule there.' })
  async finding(@Parent() m: StoredMapInfo, @Args() args: FindingArgs): Promise<ExplanationParent> {
    return { ...(await this.findingsService.explain(m.name, args.id, args.asOf)), map: m.name };
  }
}
