// globalSetup runs outside jest's module mapping, hence the relative import.
import { startEmbeddedNeo4j } from '../../tools/neo4j/embedded-neo4j';

/**
 * Starts one real Neo4j for the whole run, on a free port and a temporary directory, unless
 * NEO4J_URI names a server to use instead (tests scope their data to maps of their own).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) {
    process.env.TADORU_TEST_NEO4J_URI = process.env.NEO4J_URI;
    return;
  }
  const neo4j = await startEmbeddedNeo4j({ heap: '768m', pageCache: '128m', log: (line) => process.stderr.write(`${line}\n`) });
  (globalThis as { __TADORU_NEO4J__?: unknown }).__TADORU_NEO4J__ = neo4j;
  process.env.TADORU_TEST_NEO4J_URI = neo4j.uri;
}
