import 'reflect-metadata';
import { serveDefaultsFromEnv, startService, stopOnSignal } from './serve';

/**
 * The API on its own (`node dist/apps/api/src/main.js`), configured by the environment only;
 * `tadoru serve` is the same service with command-line options.
 */
async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const service = await startService({ ...serveDefaultsFromEnv(), open: false, log });
  log(`tadoru is serving GraphQL at ${service.url}`);
  stopOnSignal(service, log);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
