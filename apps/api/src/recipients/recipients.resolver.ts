import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '../graphql/loaders';
import { PinnedMap } from '@tadoru/catalog';
import { RecipientsService } from '@tadoru/recipients';
import { DataMapType } from '../maps/data-map.type';
import { RecipientsArgs } from './recipients.args';
import { primeLoaders, toRecipientsType } from './recipients.mapper';
import { RecipientsType } from './recipients.types';
import { Requires } from '@tadoru/auth';

/** The DPO question, under `map(name:)`. */
@Requires('read')
@Resolver(() => DataMapType)
export class RecipientsResolver {
  constructor(private readonly recipientsService: RecipientsService) {}

  @ResolveField(() => RecipientsType, {
    description:
      "Who receives this category's / subject's / person's data, and for what purpose: one row per recipient, system, category received (original or derived), flow and purpose, with basis, notice, path, the rules each step breaks and (for a person) whether their consent covered it.",
  })
  async recipients(@Parent() m: PinnedMap, @Args() args: RecipientsArgs, @Context() { loaders }: GqlContext): Promise<RecipientsType> {
    const result = await this.recipientsService.recipients({ ...args, map: m });
    primeLoaders(loaders, m, result.elements);
    return toRecipientsType(m, result);
  }
}
