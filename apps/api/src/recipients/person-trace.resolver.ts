import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '../graphql/loaders';
import { PinnedMap } from '@tadoru/catalog';
import { RecipientsService } from '@tadoru/recipients';
import { DataMapType } from '../maps/data-map.type';
import { PersonTraceArgs } from './recipients.args';
import { primeLoaders, toPersonTraceType } from './recipients.mapper';
import { PersonTraceType } from './recipients.types';
import { Requires } from '@tadoru/auth';

/** One person's trace, under `map(name:)`. */
@Requires('read')
@Resolver(() => DataMapType)
export class PersonTraceResolver {
  constructor(private readonly recipientsService: RecipientsService) {}

  @ResolveField(() => PersonTraceType, { description: 'Everything about one people entry: where their data is, who received it, under which consent, and the findings that concern them.' })
  async personTrace(@Parent() m: PinnedMap, @Args() args: PersonTraceArgs, @Context() { loaders }: GqlContext): Promise<PersonTraceType> {
    const trace = await this.recipientsService.personTrace({ ...args, map: m });
    primeLoaders(loaders, m, trace.elements);
    return toPersonTraceType(m, trace);
  }
}
