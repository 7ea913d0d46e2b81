/**
 * Throughput of the DPO question (the playground's first tab) on the demo map: `tadoru serve` as
 * after `npm start`, then autocannon posting the question over loopback at a fixed concurrency for
 * a fixed time (bounded: it never runs longer than --seconds, and gives up at the first connection
 * error).
 * Measured twice: as the service runs by default, and with its answer cache off
 * (TADORU_ANSWER_CACHE=off: every request walks the map and reads its findings). Prints requests
 * per second, latency percentiles and errors, and writes them to bench/results/load.json.
 *
 *   npm run bench:load -- [--connections 10] [--seconds 20] [--warmup 5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '@tadoru/graph';
import { DPO_QUESTION } from '../apps/api/src/playground/playground-queries';
import { askGraphQL, startService } from './service-process';

interface Options {
  connections: number;
  seconds: number;
  warmup: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { connections: 10, seconds: 20, warmup: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, text] = [argv[i], argv[i + 1]];
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 3600) throw new Error(`${flag} needs a whole number from 1 to 3600, got "${text}"`);
    if (flag === '--connections') options.connections = n;
    else if (flag === '--seconds') options.seconds = n;
    else if (flag === '--warmup') options.warmup = n;
    else throw new Error(`unknown option ${flag}; see the comment at the top of bench/load.ts`);
  }
  return options;
}

const log = (line: string): void => {
  process.stderr.write(`[load ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  answerErrors: number;
}

async function run(url: string, connections: number, seconds: number): Promise<LoadResult> {
  let answerErrors = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DPO_QUESTION }),
    connections,
    duration: seconds,
    bailout: 1,
    // A GraphQL error comes back as HTTP 200: count answers that carry one.
    setupClient: (client) => {
      client.on('body', (body: Buffer) => {
        if (body.includes('"errors"')) answerErrors++;
      });
    },
  });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    answerErrors,
  };
}

async function measure(options: Options, setting: string, env: Record<string, string>): Promise<LoadResult> {
  const service = await startService({ env, log });
  try {
    const answer = (await askGraphQL(service.url, DPO_QUESTION)) as { map: { recipients: { totalCount: number } } };
    log(`${setting}: the DPO question answers ${answer.map.recipients.totalCount} rows; warming up for ${options.warmup} s`);
    await run(service.url, options.connections, options.warmup);
    log(`${setting}: measuring, ${options.connections} connections for ${options.seconds} s`);
    const result = await run(service.url, options.connections, options.seconds);
    process.stdout.write(
      `DPO question (${setting}), ${result.connections} connections, ${result.seconds} s: ${result.requestsPerSecond} requests/s, ` +
        `p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms; ` +
        `${result.errors} connection errors, ${result.non2xx} non-2xx, ${result.answerErrors} answers with errors\n`,
    );
    return result;
  } finally {
    await service.stop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const byDefault = await measure(options, 'default settings', {});
  const uncached = await measure(options, 'answer cache off', { TADORU_ANSWER_CACHE: 'off' });
  const out = join(projectRoot(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const document = { ranAt: new Date().toISOString(), question: 'DPO question on rikunabi-2019 (the playground\'s first tab)', default: byDefault, answerCacheOff: uncached };
  writeFileSync(join(out, 'load.json'), `${JSON.stringify(document, null, 2)}\n`);
  log(`written to ${join(out, 'load.json')}`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
