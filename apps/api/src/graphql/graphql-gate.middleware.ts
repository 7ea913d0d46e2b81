import type { NextFunction, Request, Response } from 'express';
import { RequestAuthenticator } from './request-authenticator';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, UNAVAILABLE: 503 };

/**
 * In front of the GraphQL endpoint: a request without an identity is answered here, with
 * UNAUTHENTICATED (or UNAVAILABLE) in a GraphQL-shaped body, before anything of it is parsed or
 * executed — so not even introspection or a validation message is served to it. The playground's
 * page and assets are served before this (see playgroundMiddleware).
 */
export function graphqlGate(authenticator: RequestAuthenticator) {
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticator.identify(req).then(
      (who) => {
        if (!who.error) return next();
        const status = STATUS[who.error.code] ?? 401;
        if (status === 401) res.set('WWW-Authenticate', 'Bearer realm="tadoru"');
        res.status(status).json({ errors: [{ message: who.error.message, extensions: { code: who.error.code } }] });
      },
      (error: unknown) => next(error),
    );
  };
}
