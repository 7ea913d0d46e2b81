import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCypherTree, parametersOf, parseCypherFile } from './cypher-registry';
import { loadMigrations, splitStatements } from './migration-runner';
import { cypherDir, projectRoot } from './project-paths';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('Cypher files', () => {
  const queries = loadCypherTree(join(cypherDir(), 'queries'));

  it('load, and never contain template placeholders', () => {
    expect(queries.size).toBeGreaterThan(40);
    for (const q of queries.values()) expect(q.text).not.toContain('${');
  });

  it('are each used by the code, and every key the code names exists', () => {
    const code = ['apps', 'libs', 'test'].flatMap((d) => sourceFiles(join(projectRoot(), d))).map((f) => readFileSync(f, 'utf8')).join('\n');
    const folders = readdirSync(join(cypherDir(), 'queries')).join('|');
    const named = new Set([...code.matchAll(new RegExp(`'((?:${folders})/[a-z0-9/-]+)'`, 'g'))].map((m) => m[1]));
    const prefixes = [...code.matchAll(/`(catalog\/relations)\/\$\{/g)].map((m) => m[1]);
    for (const key of queries.keys()) {
      const used = named.has(key) || prefixes.some((p) => key.startsWith(`${p}/`));
      if (!used) throw new Error(`cypher/queries/${key}.cypher is not used by any code`);
    }
    for (const key of named) if (!queries.has(key)) throw new Error(`code names ${key} but there is no such Cypher file`);
  });

  it('find parameters outside comments and strings', () => {
    expect([...parametersOf("MATCH (n {id: $id}) // $ignored\nRETURN '$notParam', $limit")].sort()).toEqual(['id', 'limit']);
    expect(parseCypherFile('k', '// id: X-1\n// severity: high\n// message.en.b: a {x}\nRETURN 1;').header).toEqual({ id: 'X-1', severity: 'high', 'message.en.b': 'a {x}' });
  });
});

describe('migrations', () => {
  it('are named V<nnnn>__<snake>.cypher with contiguous versions', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.statements.length).toBeGreaterThan(0);
  });

  it('split on semicolons at line ends and drop comment lines', () => {
    expect(splitStatements('// c\nCREATE A;\nCREATE\n  B;\n')).toEqual(['CREATE A', 'CREATE\n  B']);
  });

  it('live under cypher/migrations only', () => {
    expect(relative(projectRoot(), cypherDir())).toBe('cypher');
  });
});
