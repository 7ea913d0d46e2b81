import { EmbeddedNeo4j } from '../../tools/neo4j/embedded-neo4j';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __TADORU_NEO4J__?: EmbeddedNeo4j }).__TADORU_NEO4J__;
  await neo4j?.stop();
}
