/** How long a superseded version stays readable for readers that pinned it: far longer than any answer takes. */
export function retentionSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TADORU_SUPERSEDED_RETENTION_SECONDS;
  const value = raw === undefined || raw === '' ? 300 : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`TADORU_SUPERSEDED_RETENTION_SECONDS must be a whole number of seconds >= 0, got "${raw}"`);
  return value;
}
