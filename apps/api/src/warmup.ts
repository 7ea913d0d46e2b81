import { Logger } from '@nestjs/common';
import { PinnedMap } from '@tadoru/catalog';
import { RuleEngine } from '@tadoru/rules';
import { PLAYGROUND_TABS } from './playground/playground-queries';

/** A map version that does not exist: every rule query is planned on it and finds nothing. */
const NOWHERE: PinnedMap = {
  name: '~warm-up',
  version: 0,
  storage: '~warm-up',
  sources: [],
  checksum: null,
  counts: {},
  createdAt: '',
  importedAt: '',
  updatedAt: '',
  writeSeq: 0,
  rulesDigest: null,
  pendingAtPin: false,
};

/**
 * Neo4j plans each statement the first time it runs, which takes seconds for the rule queries on a
 * small machine; the first question after a start would pay for all of them. So the service plans
 * them once at start, in the background: every rule query with each shape of its parameters (on a
 * version that does not exist, so they find nothing), then every question of the playground, asked
 * over HTTP of the service itself, so that the whole path (GraphQL, resolvers, statements) is warm.
 */
export async function warmUp(engine: RuleEngine, graphqlUrl: string, log: Logger = new Logger('WarmUp')): Promise<number> {
  const started = Date.now();
  for (const options of [{}, { targets: ['~'] }, { asOf: '2000-01-01' }, { asOf: '2000-01-01', targets: ['~'] }]) await engine.evaluate(NOWHERE, options);
  for (const tab of PLAYGROUND_TABS) {
    await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: tab.query, variables: tab.variables ? (JSON.parse(tab.variables) as unknown) : {} }),
    }).then(
      (res) => res.arrayBuffer(),
      () => undefined,
    );
  }
  const ms = Date.now() - started;
  log.log(`planned the rule and question queries in ${ms} ms`);
  return ms;
}
