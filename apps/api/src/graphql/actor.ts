import { Actor, LOCAL_ACTOR } from '@tadoru/common';
import { GqlContext } from './loaders';

/** Who is asking: the API key's name and role the guard put on the context. */
export function actorOf(ctx: GqlContext): Actor {
  return (ctx as GqlContext & { actor?: Actor }).actor ?? LOCAL_ACTOR;
}
