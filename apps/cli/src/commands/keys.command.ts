import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ApiKeyRow, ApiKeysService, AUTH_CACHE_MS, ROLES } from '@tadoru/auth';
import { InvalidInputError } from '@tadoru/common';
import { EXIT_INVALID_INPUT, formatProblem, reportCliError } from '../cli-errors';
import { withDatabase } from '../database-session';

type Format = 'text' | 'json';

function parseFormat(value: string): Format {
  if (value !== 'text' && value !== 'json') throw new Error(`--format must be text or json, got "${value}"`);
  return value;
}

/** Like reportCliError, but an invalid name or role is not an "invalid map". */
function report(error: unknown): number {
  if (error instanceof InvalidInputError) {
    for (const p of error.problems) process.stderr.write(`invalid input: ${formatProblem(p)}\n`);
    return EXIT_INVALID_INPUT;
  }
  return reportCliError(error);
}

const keyJson = (k: ApiKeyRow) => ({ id: k.id, name: k.name, role: k.role, prefix: k.prefix, createdAt: k.createdAt, revokedAt: k.revokedAt, lastUsedAt: k.lastUsedAt });

@SubCommand({
  name: 'create',
  description: `Create an API key with a role (${ROLES.join(', ')}). The key is printed once, on stdout, and never again: tadoru keeps only a keyed hash.`,
})
export class KeysCreateCommand extends CommandRunner {
  async run(_: string[], options: { name?: string; role?: string; format?: Format }): Promise<void> {
    try {
      const problems = [];
      if (!options.name) problems.push({ path: 'name', message: 'is required (--name N)' });
      if (!options.role) problems.push({ path: 'role', message: `is required (--role ${ROLES.join('|')})` });
      if (problems.length) throw new InvalidInputError(problems);
      const { key, info } = await withDatabase((ctx) => ctx.get(ApiKeysService).create(options.name as string, (options.role as string).toUpperCase()), { log: () => undefined });
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify({ key, ...keyJson(info) })}\n`);
      } else {
        process.stderr.write(`created API key "${info.name}" (role ${info.role}, id ${info.id}):\n`);
        process.stdout.write(`${key}\n`);
        process.stderr.write('store it now: it will not be shown again. Send it as "Authorization: Bearer <key>" or "X-Api-Key: <key>".\n');
      }
    } catch (error) {
      process.exitCode = report(error);
    }
  }

  @Option({ flags: '--name <name>', description: 'the key\'s name, unique among unrevoked keys (what the history records)', required: false })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: `one of ${ROLES.join(', ')}` })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: 'text (default) or json' })
  parseFormat(value: string): Format {
    return parseFormat(value);
  }
}

@SubCommand({ name: 'list', description: 'List the API keys: name, role, prefix, created, revoked, last used (never a key or a hash).' })
export class KeysListCommand extends CommandRunner {
  async run(_: string[], options: { format?: Format }): Promise<void> {
    try {
      const keys = await withDatabase((ctx) => ctx.get(ApiKeysService).list(), { log: () => undefined });
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(keys.map(keyJson))}\n`);
        return;
      }
      if (keys.length === 0) {
        process.stdout.write('no API keys\n');
        return;
      }
      const rows = [['NAME', 'ROLE', 'PREFIX', 'CREATED', 'REVOKED', 'LAST USED', 'ID'], ...keys.map((k) => [k.name, k.role, k.prefix, k.createdAt, k.revokedAt ?? '-', k.lastUsedAt ?? '-', k.id])];
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      for (const r of rows) process.stdout.write(`${r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()}\n`);
    } catch (error) {
      process.exitCode = report(error);
    }
  }

  @Option({ flags: '--format <format>', description: 'text (default) or json' })
  parseFormat(value: string): Format {
    return parseFormat(value);
  }
}

@SubCommand({ name: 'revoke', arguments: '<name-or-id>', description: `Revoke an API key by name or id. It stops working at once; a running service that used it a moment ago stops accepting it within ${AUTH_CACHE_MS / 1000} s.` })
export class KeysRevokeCommand extends CommandRunner {
  async run([ref]: string[]): Promise<void> {
    try {
      const revoked = await withDatabase((ctx) => ctx.get(ApiKeysService).revoke(ref), { log: () => undefined });
      process.stdout.write(`revoked API key "${revoked.name}" (role ${revoked.role}, id ${revoked.id})\n`);
    } catch (error) {
      process.exitCode = report(error);
    }
  }
}

@Command({
  name: 'keys',
  description: 'Manage API keys (create, list, revoke). Roles: ADMIN (keys, everything), ARCHITECT (read, import, propose, submit, apply), DPO (read, review, reports), AUDITOR (read, history, reports).',
  subCommands: [KeysCreateCommand, KeysListCommand, KeysRevokeCommand],
})
export class KeysCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.outputHelp();
  }
}
