import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Actor, ApiKeysService, keyFromHeaders, LOCAL_ADMIN, LoopbackAccess, Role, servesAsLocalAdmin } from '@tadoru/auth';
import { DomainError, UnauthenticatedError, UnavailableError } from '@tadoru/common';

export interface ApiAuthOptions {
  loopbackAccess: LoopbackAccess;
}
export const API_AUTH_OPTIONS = Symbol('API_AUTH_OPTIONS');

/** Who a request is, or why it is nobody (UNAUTHENTICATED, or UNAVAILABLE when the keys cannot be read). */
export type Identification = { actor: Actor; error?: undefined } | { actor?: undefined; error: DomainError };

/** The identity of the service's own warm-up questions (read only, in memory only). */
const WARM_UP: Actor = Object.freeze({ name: 'tadoru-warm-up', role: Role.AUDITOR });

/**
 * Decides who sends a request, once per request: the key of `Authorization: Bearer <key>` or
 * `X-Api-Key: <key>` when there is one (an unknown or revoked key is UNAUTHENTICATED, never the
 * loopback admin); without a key, the local admin when loopback access is on and the request comes
 * from a loopback address without a proxy's forwarding header; otherwise UNAUTHENTICATED. Never
 * puts the key in a message.
 */
@Injectable()
export class RequestAuthenticator {
  private readonly identified = new WeakMap<object, Promise<Identification>>();
  /** Made at start, never stored or shown: lets the service ask its own warm-up questions whatever the loopback setting. */
  private readonly warmUpKey = `tdr_internal_${randomBytes(32).toString('base64url')}`;

  constructor(
    private readonly keys: ApiKeysService,
    @Inject(API_AUTH_OPTIONS) private readonly options: ApiAuthOptions,
  ) {}

  get loopbackAccess(): LoopbackAccess {
    return this.options.loopbackAccess;
  }

  /** Headers for the service's own warm-up requests to itself. */
  warmUpHeaders(): Record<string, string> {
    return { 'x-api-key': this.warmUpKey };
  }

  identify(req: Request): Promise<Identification> {
    let found = this.identified.get(req);
    if (!found) {
      found = this.decide(req);
      this.identified.set(req, found);
    }
    return found;
  }

  private async decide(req: Request): Promise<Identification> {
    const key = keyFromHeaders(req.headers);
    if (key !== undefined) {
      if (this.isWarmUpKey(key)) return { actor: WARM_UP };
      try {
        const actor = await this.keys.authenticate(key);
        return actor ? { actor } : { error: new UnauthenticatedError('the API key is unknown or revoked') };
      } catch (error) {
        return { error: error instanceof DomainError ? error : new UnavailableError('the API key could not be checked; try again shortly') };
      }
    }
    if (servesAsLocalAdmin(this.options.loopbackAccess, req.socket?.remoteAddress, req.headers)) return { actor: LOCAL_ADMIN };
    return { error: new UnauthenticatedError('an API key is required: send it as "Authorization: Bearer <key>" or "X-Api-Key: <key>"') };
  }

  private isWarmUpKey(key: string): boolean {
    const a = Buffer.from(key);
    const b = Buffer.from(this.warmUpKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
