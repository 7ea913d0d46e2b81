import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PinnedMap } from '@tadoru/catalog';
import { RecipientsService } from '@tadoru/recipients';
import { DataMapType } from '../maps/data-map.type';
import { PersonTraceArgs } from './recipients.args';
import { toPersonTraceType } from './recipients.mapper';
import { PersonTraceType } from './recipients.types';

/** One person's trace, under `map(name:)`. */
@Resolver(() => DataMapType)
export class PersonTraceResolver {
  constructor(private readonly recipientsService: RecipientsService) {}

  @ResolveField(() => PersonTraceType, { description: 'Everything about one people entry: where their data is, who received it, under which consent, and the findings that concern them.' })
  async personTrace(@Parent() m: PinnedMap, @Args() args: PersonTraceArgs): Promise<PersonTraceType> {
    return toPersonTraceType(m, await this.recipientsService.personTrace({ ...args, map: m }));
  }
}
