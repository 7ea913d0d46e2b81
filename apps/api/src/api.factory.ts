import { INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InvalidInputError, Problem } from '@tadoru/common';
import { ApiModule, ApiOptions } from './api.module';
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

/** Builds the HTTP app (GraphQL at /graphql, the playground, /health) without listening. */
export async function createApiApp(options: ApiOptions, logger: false | ('log' | 'warn' | 'error' | 'debug')[] = ['log', 'warn', 'error']): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(options), { logger, bufferLogs: false });
  app.use(playgroundMiddleware('/graphql'));
  app.useGlobalPipes(apiValidationPipe);
  app.enableShutdownHooks();
  return app;
}
