import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@tadoru/graph';

/** The benchmark's own Cypher, kept in bench/cypher/ like the service's is in cypher/. */
export function benchCypher(name: string): string {
  return readFileSync(join(projectRoot(), 'bench', 'cypher', `${name}.cypher`), 'utf8');
}
