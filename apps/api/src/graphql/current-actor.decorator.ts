import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from '@tadoru/auth';
import { UnauthenticatedError } from '@tadoru/common';
import { GqlContext } from './loaders';

/** The caller of a GraphQL resolver (`{ name, role, keyId? }`), e.g. to record it in the history. */
export function actorOf(context: GqlContext): Actor {
  if (!context.actor) throw new UnauthenticatedError('an API key is required');
  return context.actor;
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => actorOf(GqlExecutionContext.create(context).getContext<GqlContext>()));
