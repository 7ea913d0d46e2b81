import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Permission } from './permissions';

/** Metadata key: the permission a handler (or every handler of a class) needs, or PUBLIC. */
export const REQUIRES_METADATA = 'tadoru:requires';

/** Open to anyone, without authentication (the health endpoint). */
export const PUBLIC = 'public' as const;

export type AccessRule = Permission | typeof PUBLIC;

/**
 * The permission a GraphQL resolver method or REST handler needs (see `PERMISSIONS`). On a class it
 * applies to every method of the class that says nothing itself (queries, field resolvers,
 * handlers), but never to a GraphQL mutation, which must declare its own; a method's own
 * declaration wins. Handlers without one are refused.
 */
export function Requires(permission: Permission): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRES_METADATA, permission));
}

/** Served without authentication: only for endpoints that reveal nothing (health). */
export function Public(): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRES_METADATA, PUBLIC));
}
