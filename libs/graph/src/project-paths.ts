import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cachedRoot: string | undefined;

/**
 * The tadoru checkout (or installed package) root: the nearest directory above this file whose
 * package.json is tadoru's. Works from sources (tests) and from `dist/` alike.
 */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'cypher'))) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'tadoru') return (cachedRoot = dir);
      } catch {
        /* not ours; keep walking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the tadoru project root (a package.json named "tadoru" beside a cypher/ folder)');
    dir = parent;
  }
}

export function cypherDir(): string {
  return process.env.TADORU_CYPHER_DIR ?? join(projectRoot(), 'cypher');
}
