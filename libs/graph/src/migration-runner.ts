import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Neo4jService } from './neo4j.service';
import { cypherDir } from './project-paths';

export interface Migration {
  version: number;
  description: string;
  file: string;
  checksum: string;
  statements: string[];
}

export interface MigrationStatus {
  version: number;
  description: string;
  state: 'applied' | 'pending';
  installedAt?: string;
}

const FILE_PATTERN = /^V(\d{4})__([a-z0-9_]+)\.cypher$/;

/** Reads `cypher/migrations/V<nnnn>__<description>.cypher`, in version order. */
export function loadMigrations(dir = join(cypherDir(), 'migrations')): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.cypher')) continue;
    const m = FILE_PATTERN.exec(file);
    if (!m) throw new Error(`migration file "${file}" must be named V<4 digits>__<lower_snake>.cypher`);
    const source = readFileSync(join(dir, file), 'utf8');
    migrations.push({
      version: Number(m[1]),
      description: m[2].replace(/_/g, ' '),
      file,
      checksum: createHash('sha256').update(source).digest('hex'),
      statements: splitStatements(source),
    });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration versions must run 1, 2, 3… without gaps; found V${String(m.version).padStart(4, '0')} at position ${i + 1}`);
  });
  return migrations;
}

/** Statements end with `;` at the end of a line; `//` comment lines are dropped. */
export function splitStatements(source: string): string[] {
  const lines = source.split('\n').filter((l) => !l.trim().startsWith('//'));
  return lines
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies each migration once and records it. An applied file must not change: its checksum is
 * compared on every run, because a silently edited migration means databases that differ.
 */
@Injectable()
export class MigrationRunner {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(private readonly db: Neo4jService) {}

  async status(): Promise<MigrationStatus[]> {
    const applied = await this.applied();
    return loadMigrations().map((m) => {
      const record = applied.get(m.version);
      return { version: m.version, description: m.description, state: record ? 'applied' : 'pending', installedAt: record?.installedAt };
    });
  }

  /** Applies what is pending; returns the migrations it applied (or would apply, with dryRun). */
  async apply(options: { dryRun?: boolean } = {}): Promise<Migration[]> {
    const migrations = loadMigrations();
    const applied = await this.applied();
    for (const m of migrations) {
      const record = applied.get(m.version);
      if (record && record.checksum !== m.checksum) {
        throw new Error(`migration ${m.file} was changed after it was applied (checksum differs); add a new migration instead`);
      }
    }
    const pending = migrations.filter((m) => !applied.has(m.version));
    if (options.dryRun) return pending;
    for (const m of pending) {
      for (const statement of m.statements) await this.db.runMigrationStatement(statement);
      await this.db.write('migrations.record', (q) =>
        q.run('migrations/record-migration', { version: m.version, description: m.description, checksum: m.checksum }),
      );
      this.logger.log(`applied migration ${m.file}`);
    }
    return pending;
  }

  private async applied(): Promise<Map<number, { checksum: string; installedAt: string }>> {
    const rows = await this.db.read('migrations.list', (q) => q.run('migrations/list-applied-migrations', {}));
    return new Map(rows.map((r) => [r.version as number, { checksum: r.checksum as string, installedAt: r.installedAt as string }]));
  }
}
