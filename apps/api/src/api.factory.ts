import { INestApplication, LogLevel, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InvalidInputError, Problem } from '@tadoru/common';
import { ApiModule, ApiOptions } from './api.module';
import { graphqlGate } from './graphql/graphql-gate.middleware';
import { RequestAuthenticator } from './graphql/request-authenticator';
import { playgroundMiddleware } from './playground/playground.middleware';

function problemsOf(errors: ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...problemsOf(e.children ?? [], path)];
  });
}

/** The validation every GraphQL argument goes through: each problem names its field. */
export const apiValidationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  exceptionFactory: (errors) => new InvalidInputError(problemsOf(errors)),
});

/** Warnings and errors by default; TADORU_LOG=verbose adds Nest's start-up lines and query timings. */
export function logLevelsFromEnv(): LogLevel[] {
  return process.env.TADORU_LOG === 'verbose' ? ['log', 'warn', 'error', 'debug'] : ['warn', 'error'];
}

/**
 * Builds the HTTP app (GraphQL at /graphql, the playground, /health) without listening. No Nest
 * shutdown hooks: whoever starts it owns the signals (see serve.ts), so that the app and then its
 * database are closed in that order.
 */
export async function createApiApp(options: ApiOptions, logger: false | LogLevel[] = logLevelsFromEnv()): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(options), { logger, bufferLogs: false });
  // The playground's page and assets are open; the GraphQL endpoint serves only an identity (key, or loopback admin).
  app.use(playgroundMiddleware('/graphql'));
  app.use('/graphql', graphqlGate(app.get(RequestAuthenticator)));
  app.useGlobalPipes(apiValidationPipe);
  return app;
}
