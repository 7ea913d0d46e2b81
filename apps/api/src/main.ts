import 'reflect-metadata';
import { startService } from './serve';

/**
 * The API on its own (`node dist/apps/api/src/main.js`), configured by the environment only;
 * `tadoru serve` is the same service with command-line options.
 */
async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const service = await startService({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    demo: process.env.TADORU_DEMO !== 'off',
    open: false,
    log,
  });
  log(`tadoru is serving GraphQL at ${service.url}`);
  const shutdown = () => void service.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
