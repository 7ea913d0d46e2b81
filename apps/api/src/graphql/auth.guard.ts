import { CanActivate, ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessRule, Actor, isPermission, Permission, PUBLIC, REQUIRES_METADATA, roleHas, rolesWith } from '@tadoru/auth';
import { DomainError, ForbiddenError, UnauthenticatedError } from '@tadoru/common';
import { GqlContext } from './loaders';
import { RequestAuthenticator } from './request-authenticator';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, UNAVAILABLE: 503 };

/**
 * The global guard (APP_GUARD; for GraphQL field resolvers too, see `fieldResolverEnhancers`).
 * Every resolver and handler must declare what it needs with `@Requires(permission)` (method, or
 * its class; a GraphQL mutation only on the method) or `@Public()`; one that declares nothing is
 * refused to everyone, so a forgotten declaration fails closed. A caller without an identity gets UNAUTHENTICATED, one whose role lacks
 * the permission FORBIDDEN, naming the operation and the roles that may.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  /** The rule of each GraphQL resolver method, looked up once (field resolvers run for every item of a page). */
  private readonly graphqlRules = new WeakMap<object, Map<object, AccessRule | null>>();

  private graphqlRule(context: ExecutionContext, mutation: boolean): AccessRule | undefined {
    const handler = context.getHandler();
    let ofClass = this.graphqlRules.get(context.getClass());
    if (!ofClass) this.graphqlRules.set(context.getClass(), (ofClass = new Map()));
    let rule = ofClass.get(handler);
    if (rule === undefined) {
      // A mutation must declare its own permission: a class-level one (often `read`, for the
      // queries and fields beside it) never reaches a mutation that forgot its declaration.
      const found = mutation
        ? this.reflector.get<AccessRule | undefined>(REQUIRES_METADATA, handler)
        : this.reflector.getAllAndOverride<AccessRule | undefined>(REQUIRES_METADATA, [handler, context.getClass()]);
      rule = found ?? null;
      ofClass.set(handler, rule);
    }
    return rule ?? undefined;
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      const rule = this.graphqlRule(context, info.parentType.name === 'Mutation');
      const operation = ROOT_TYPES.has(info.parentType.name) ? info.fieldName : `${info.parentType.name}.${info.fieldName}`;
      judge(rule, operation, gql.getContext<GqlContext>().actor);
      return true;
    }
    return this.canActivateHttp(context);
  }

  private async canActivateHttp(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(REQUIRES_METADATA, [context.getHandler(), context.getClass()]);
    if (rule === PUBLIC) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const operation = `${req.method} ${req.path}`;
    try {
      const who = await this.authenticator.identify(req);
      if (who.error) throw who.error;
      judge(rule, operation, who.actor);
      return true;
    } catch (error) {
      if (error instanceof DomainError) throw new HttpException({ statusCode: HTTP_STATUS[error.code] ?? 500, code: error.code, message: error.message }, HTTP_STATUS[error.code] ?? 500);
      throw error;
    }
  }
}

/** Throws unless `actor` may do `operation`, which needs `rule`. */
export function judge(rule: AccessRule | undefined, operation: string, actor: Actor | undefined): void {
  if (rule === PUBLIC) return;
  if (!actor) throw new UnauthenticatedError(`${operation} needs an API key: send it as "Authorization: Bearer <key>" or "X-Api-Key: <key>"`);
  if (!isPermission(rule)) throw new ForbiddenError(`${operation} declares no permission, so it is refused to every role`);
  if (!roleHas(actor.role, rule)) throw new ForbiddenError(forbidden(operation, rule, actor));
}

function forbidden(operation: string, permission: Permission, actor: Actor): string {
  return `${operation} needs the "${permission}" permission, which roles ${rolesWith(permission).join(', ')} have; "${actor.name}" has role ${actor.role}`;
}
