import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { cypherDir } from './project-paths';

/** One statement from a `.cypher` file, with the parameters it expects. */
export interface CypherQuery {
  readonly key: string;
  readonly text: string;
  readonly params: ReadonlySet<string>;
  /** `// key: value` lines from the file's leading comment block. */
  readonly header: Readonly<Record<string, string>>;
}

/**
 * Every Cypher statement the service runs lives in a file under `cypher/`; this registry loads them
 * once, so a missing or malformed file fails at start rather than at the first request.
 */
@Injectable()
export class CypherRegistry {
  private readonly byKey: Map<string, CypherQuery>;

  constructor() {
    this.byKey = loadCypherTree(join(cypherDir(), 'queries'));
    // Rules are Cypher files too, run through the same checked path under the key `rules/<file>`.
    for (const [key, query] of loadCypherTree(join(cypherDir(), 'rules'))) this.byKey.set(`rules/${key}`, { ...query, key: `rules/${key}` });
  }

  get(key: string): CypherQuery {
    const query = this.byKey.get(key);
    if (!query) throw new Error(`unknown Cypher query "${key}" (no cypher/queries/${key}.cypher)`);
    return query;
  }

  keys(prefix = ''): string[] {
    return [...this.byKey.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}

export function loadCypherTree(root: string): Map<string, CypherQuery> {
  const queries = new Map<string, CypherQuery>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.cypher')) {
        const key = relative(root, path).split(sep).join('/').replace(/\.cypher$/, '');
        queries.set(key, parseCypherFile(key, readFileSync(path, 'utf8')));
      }
    }
  };
  walk(root);
  return queries;
}

export function parseCypherFile(key: string, source: string): CypherQuery {
  const header: Record<string, string> = {};
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('//')) {
      if (trimmed === '') continue;
      break;
    }
    const m = /^\/\/\s*([A-Za-z][\w.-]*):\s*(.*)$/.exec(trimmed);
    if (m) header[m[1]] = m[2].trim();
  }
  const text = source.trim().replace(/;\s*$/, '');
  if (text.includes('${')) throw new Error(`${key}.cypher: template placeholders are not allowed`);
  return { key, text, params: parametersOf(text), header };
}

/** `$name` parameters, ignoring comments and string literals. */
export function parametersOf(text: string): Set<string> {
  const code = text
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const params = new Set<string>();
  for (const m of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) params.add(m[1]);
  return params;
}
