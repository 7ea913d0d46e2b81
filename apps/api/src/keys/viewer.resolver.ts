import { Query, Resolver } from '@nestjs/graphql';
import { Actor, Requires } from '@tadoru/auth';
import { CurrentActor } from '../graphql/current-actor.decorator';
import { ViewerType } from './api-key.type';

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'Who the caller is: the name and role of its API key. Every role.' })
  @Requires('identity')
  viewer(@CurrentActor() actor: Actor): ViewerType {
    return { name: actor.name, role: actor.role };
  }
}
