/** How to reach Neo4j. Built by the CLI from the environment or from the embedded server it started. */
export interface GraphConnectionConfig {
  uri: string;
  user?: string;
  password?: string;
  database: string;
  /** Default transaction timeout, ms; bounds every query the service runs. */
  txTimeoutMs: number;
}

export const GRAPH_CONNECTION = Symbol('GRAPH_CONNECTION');

export const DEFAULT_DATABASE = 'neo4j';

/** The external database named by NEO4J_URI, or undefined when the embedded one should be used. */
export function externalConnectionFromEnv(env: NodeJS.ProcessEnv = process.env): GraphConnectionConfig | undefined {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) return undefined;
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/.test(uri)) {
    throw new Error(`NEO4J_URI must be a bolt:// or neo4j:// URI (optionally +s or +ssc), got "${uri}"`);
  }
  return {
    uri,
    user: env.NEO4J_USER || undefined,
    password: env.NEO4J_PASSWORD || undefined,
    database: env.NEO4J_DATABASE || DEFAULT_DATABASE,
    txTimeoutMs: txTimeoutFromEnv(env),
  };
}

export function txTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TADORU_TX_TIMEOUT_MS;
  const value = raw ? Number(raw) : 30_000;
  if (!Number.isInteger(value) || value < 100) throw new Error(`TADORU_TX_TIMEOUT_MS must be a whole number of milliseconds >= 100, got "${raw}"`);
  return value;
}
