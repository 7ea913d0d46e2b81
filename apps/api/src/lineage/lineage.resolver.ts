import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PinnedMap } from '@tadoru/catalog';
import { LineageService } from '@tadoru/lineage';
import { DataMapType } from '../maps/data-map.type';
import { LineageArgs } from './lineage.args';
import { toLineageType } from './lineage.mapper';
import { LineageType } from './lineage.types';
import { Requires } from '@tadoru/auth';

/** Lineage of a category or system, under `map(name:)`. */
@Requires('read')
@Resolver(() => DataMapType)
export class LineageResolver {
  constructor(private readonly lineageService: LineageService) {}

  @ResolveField(() => LineageType, { description: 'Where data goes (DOWNSTREAM) or comes from (UPSTREAM), through flows and derivations; bounded, and says when it was cut.' })
  async lineage(@Parent() m: PinnedMap, @Args() args: LineageArgs): Promise<LineageType> {
    const result = await this.lineageService.lineage({ map: m, from: { category: args.category, system: args.system }, direction: args.direction, maxDepth: args.maxDepth, maxNodes: args.maxNodes, asOf: args.asOf });
    return toLineageType(m, result);
  }
}
