import { ExecutionContext, HttpException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, Public, Requires, Role } from '@tadoru/auth';
import { ForbiddenError, UnauthenticatedError } from '@tadoru/common';
import { AuthGuard, judge } from './auth.guard';
import { Identification, RequestAuthenticator } from './request-authenticator';

@Requires('read')
class ReadByDefault {
  look(): void {}
  @Requires('delete')
  remove(): void {}
}

class Undeclared {
  forgotten(): void {}
  @Requires('keys')
  declared(): void {}
}

@Public()
class Open {
  health(): void {}
}

@Requires('read')
class MapsLike {
  query(): void {}
  forgottenMutation(): void {}
  @Requires('import')
  declaredMutation(): void {}
}

function graphql(cls: { prototype: object }, method: string, parentType: string, actor?: Actor): ExecutionContext {
  const handler = (cls.prototype as Record<string, unknown>)[method];
  const args = [{}, {}, { actor }, { parentType: { name: parentType }, fieldName: method }];
  return {
    getType: () => 'graphql',
    getHandler: () => handler,
    getClass: () => cls,
    getArgs: () => args,
    getArgByIndex: (i: number) => args[i],
  } as unknown as ExecutionContext;
}

const dpo: Actor = { name: 'dpo-1', role: Role.DPO };

function guardFor(who: Identification): AuthGuard {
  return new AuthGuard(new Reflector(), { identify: async () => who } as unknown as RequestAuthenticator);
}

function http(cls: { prototype: object }, method: string): ExecutionContext {
  const handler = (cls.prototype as Record<string, unknown>)[method];
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => ({ method: 'GET', path: `/${method}`, headers: {} }) }),
  } as unknown as ExecutionContext;
}

async function status(guard: AuthGuard, context: ExecutionContext): Promise<number> {
  try {
    return (await guard.canActivate(context)) ? 200 : 0;
  } catch (error) {
    if (error instanceof HttpException) return error.getStatus();
    throw error;
  }
}

describe('the auth guard', () => {
  it('judges by the permission table, naming the operation, the roles that may and the caller', () => {
    expect(() => judge('read', 'map', dpo)).not.toThrow();
    expect(() => judge('review', 'approveChange', dpo)).not.toThrow();
    expect(() => judge('delete', 'deleteMap', dpo)).toThrow(ForbiddenError);
    expect(() => judge('delete', 'deleteMap', dpo)).toThrow('deleteMap needs the "delete" permission, which roles ADMIN have; "dpo-1" has role DPO');
    expect(() => judge('read', 'map', undefined)).toThrow(UnauthenticatedError);
    expect(() => judge('public', 'health', undefined)).not.toThrow();
  });

  it('refuses to everyone a handler that declares nothing (fails closed), even the admin', async () => {
    const admin = guardFor({ actor: { name: 'root', role: Role.ADMIN } });
    expect(await status(admin, http(Undeclared, 'forgotten'))).toBe(403);
    expect(await status(admin, http(Undeclared, 'declared'))).toBe(200);
    expect(() => judge(undefined, 'forgotten', { name: 'root', role: Role.ADMIN })).toThrow('forgotten declares no permission, so it is refused to every role');
  });

  it('applies a class-level declaration to every method, a method-level one winning', async () => {
    const guard = guardFor({ actor: dpo });
    expect(await status(guard, http(ReadByDefault, 'look'))).toBe(200);
    expect(await status(guard, http(ReadByDefault, 'remove'))).toBe(403);
    expect(await status(guardFor({ actor: { name: 'a', role: Role.ADMIN } }), http(ReadByDefault, 'remove'))).toBe(200);
  });

  it('never lets a class-level declaration reach a GraphQL mutation that forgot its own', async () => {
    const guard = guardFor({ error: new UnauthenticatedError('unused') });
    const admin: Actor = { name: 'root', role: Role.ADMIN };
    await expect(Promise.resolve().then(() => guard.canActivate(graphql(MapsLike, 'query', 'Query', dpo)))).resolves.toBe(true);
    await expect(Promise.resolve().then(() => guard.canActivate(graphql(MapsLike, 'query', 'DataMap', dpo)))).resolves.toBe(true);
    await expect(Promise.resolve().then(() => guard.canActivate(graphql(MapsLike, 'forgottenMutation', 'Mutation', admin)))).rejects.toThrow('forgottenMutation declares no permission');
    await expect(Promise.resolve().then(() => guard.canActivate(graphql(MapsLike, 'declaredMutation', 'Mutation', admin)))).resolves.toBe(true);
    await expect(Promise.resolve().then(() => guard.canActivate(graphql(MapsLike, 'declaredMutation', 'Mutation', dpo)))).rejects.toThrow(ForbiddenError);
    await expect(Promise.resolve().then(() => guard.canActivate(graphql(MapsLike, 'query', 'Query', undefined)))).rejects.toThrow(UnauthenticatedError);
  });

  it('serves @Public handlers without an identity, and refuses others with 401 or 503', async () => {
    const nobody = guardFor({ error: new UnauthenticatedError('an API key is required') });
    expect(await status(nobody, http(Open, 'health'))).toBe(200);
    expect(await status(nobody, http(ReadByDefault, 'look'))).toBe(401);
    const { UnavailableError } = await import('@tadoru/common');
    expect(await status(guardFor({ error: new UnavailableError() }), http(ReadByDefault, 'look'))).toBe(503);
  });
});
