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
 * Neo4j plans each statement the first time it runs, which takes a second or more for the
 * questions and seconds for the rule queries on a small machine; the first question after a start
 * would pay for all of them. So the service asks every question of the playground once, over HTTP
 * of the service itself, before it says it is serving (the whole path, GraphQL, resolvers and
 * statements, is then warm), and plans the rule queries afterwards in the background (they answer
 * questions only with `asOf` and checks, since findings are stored).
 */
export async function warmUpQuestions(graphqlUrl: string, headers: Record<string, string> = {}): Promise<number> {
  const started = Date.now();
  for (const tab of PLAYGROUND_TABS.filter((t) => !t.writes)) {
    await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: tab.query, variables: tab.variables ? (JSON.parse(tab.variables) as unknown) : {} }),
    }).then(
      (res) => res.arrayBuffer(),
      () => undefined,
    );
  }
  return Date.now() - started;
}

/** Every rule query with each shape of its parameters, on a version that does not exist (they find nothing). */
export async function warmUpRules(engine: RuleEngine, log: Logger = new Logger('WarmUp')): Promise<number> {
  const started = Date.now();
  for (const options of [{}, { targets: ['~'] }, { asOf: '2000-01-01' }, { asOf: '2000-01-01', targets: ['~'] }]) await engine.evaluate(NOWHERE, options);
  const ms = Date.now() - started;
  log.log(`planned the rule queries in ${ms} ms`);
  return ms;
}
