import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { Neo4jService } from '@tadoru/graph';
import { serializeMap } from '@tadoru/map';
import { PLAYGROUND_TABS } from '../../apps/api/src/playground/playground-queries';
import { smallMap } from '../fixtures/small-map';
import { createTestApi, gql } from '../support/test-api';
import { uniqueMapName } from '../support/test-database';

const IMPORT = `mutation Import($input: ImportMapInput!) {
  importMap(input: $input) { created unchanged map { name counts { organizations flows people } } }
}`;

describe('GraphQL API over HTTP (real Neo4j)', () => {
  let app: INestApplication;
  const rikunabi = uniqueMapName('rikunabi');
  const small = uniqueMapName('small');

  beforeAll(async () => {
    app = await createTestApi();
    const content = readFileSync(join(__dirname, '../../examples/rikunabi-2019.yaml'), 'utf8');
    const imported = await gql(app, IMPORT, { input: { content, map: rikunabi } });
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importMap).toMatchObject({ created: true, map: { name: rikunabi } });
    expect((await gql(app, IMPORT, { input: { content: serializeMap(smallMap(small)) } })).errors).toBeUndefined();
  });
  afterAll(() => app.close());

  it('answers "all flows of the Rikunabi map with their sender, recipient, categories and basis"', async () => {
    const res = await gql(
      app,
      `query($map: String!) { map(name: $map) { flows(first: 500) { totalCount nodes {
        id basis sender { id roles } recipient { id roles } dataCategories { id class profiling } } } } }`,
      { map: rikunabi },
    );
    expect(res.errors).toBeUndefined();
    const flows = res.data.map.flows;
    expect(flows.totalCount).toBe(90);
    expect(flows.nodes).toHaveLength(90);
    const toyota = flows.nodes.find((f: any) => f.id === 'toyota-scores-named');
    expect(toyota).toMatchObject({ basis: 'CONSENT', sender: { id: 'recruit-career' }, recipient: { id: 'toyota', roles: ['EMPLOYER'] } });
    expect(toyota.dataCategories.some((c: any) => c.profiling)).toBe(true);
  });

  it('pages through flows with cursors: every flow once, in id order, with a stable total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: any = await gql(app, `query($map: String!, $after: String) { map(name: $map) { flows(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`, {
        map: rikunabi,
        after,
      });
      const conn = res.data.map.flows;
      expect(conn.totalCount).toBe(90);
      seen.push(...conn.edges.map((e: any) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(90);
    expect(new Set(seen).size).toBe(90);
    expect([...seen].sort()).toEqual(seen);
  });

  it('filters flows by basis, recipient, category and date', async () => {
    const q = `query($map: String!, $f: FlowFilter) { map(name: $map) { flows(filter: $f, first: 500) { totalCount nodes { id validFrom validTo } } } }`;
    const consent = await gql(app, q, { map: small, f: { basis: 'CONSENT' } });
    expect(consent.data.map.flows.nodes.map((f: any) => f.id)).toEqual(['score-out']);
    const toEmployer = await gql(app, q, { map: small, f: { recipient: 'employer', dataCategory: 'score' } });
    expect(toEmployer.data.map.flows.totalCount).toBe(1);
    const before = await gql(app, q, { map: small, f: { asOf: '2019-01-01' } });
    expect(before.data.map.flows.nodes.map((f: any) => f.id).sort()).toEqual(['to-backup', 'to-model']);
    const during = await gql(app, q, { map: small, f: { asOf: '2019-07-31' } });
    expect(during.data.map.flows.totalCount).toBe(3);
    const cross = await gql(app, q, { map: small, f: { crossOrganization: false } });
    expect(cross.data.map.flows.nodes.map((f: any) => f.id)).toEqual(['to-model']);
  });

  it('navigates relations both ways', async () => {
    const res = await gql(
      app,
      `query($map: String!) { map(name: $map) {
        organization(id: "site") { group { id } systems { totalCount nodes { id } } flowsOut { nodes { id } } notices { nodes { id } } holds { nodes { id } } }
        system(id: "model") { operator { id } flowsIn { nodes { id } } flowsOut { nodes { id to { id operator { id } } } } derivations { nodes { id inputs { id } outputs { id } } } }
        dataCategory(id: "score") { subject { id } holders { nodes { id } } flows { nodes { id } } producedBy { nodes { id } } }
        flow(id: "score-out") { from { id } to { id } sender { id } recipient { id } purposes { id } notice { id organization { id } provisions { recipientRoles dataCategories { id } purposes { id } } sharedUse { users { id } userGroups { id } manager { id } } } }
        person(id: "cohort-b") { count subject { id } uses { id } consents { at withdrawnAt notice { id } } }
        group(id: "grp") { members { nodes { id } } }
      } }`,
      { map: small },
    );
    expect(res.errors).toBeUndefined();
    const m = res.data.map;
    expect(m.organization.group.id).toBe('grp');
    expect(m.organization.systems.nodes.map((s: any) => s.id).sort()).toEqual(['model', 'site-web']);
    expect(m.organization.flowsOut.nodes.map((f: any) => f.id).sort()).toEqual(['score-out', 'to-backup', 'to-model']);
    expect(m.organization.holds.nodes.map((c: any) => c.id).sort()).toEqual(['browsing', 'name', 'score']);
    expect(m.system.flowsOut.nodes).toEqual([{ id: 'score-out', to: { id: 'ats', operator: { id: 'employer' } } }]);
    expect(m.system.derivations.nodes[0].outputs).toEqual([{ id: 'score' }]);
    expect(m.dataCategory.holders.nodes.map((o: any) => o.id).sort()).toEqual(['employer', 'site']);
    expect(m.flow.notice.provisions[0]).toEqual({ recipientRoles: ['EMPLOYER'], dataCategories: [{ id: 'score' }, { id: 'name' }], purposes: [{ id: 'selection' }] });
    expect(m.flow.notice.sharedUse).toEqual({ users: [], userGroups: [{ id: 'grp' }], manager: { id: 'site' } });
    expect(m.person).toEqual({ count: 7, subject: { id: 'student' }, uses: [{ id: 'site-web' }], consents: [{ at: '2019-03-02', withdrawnAt: '2019-05-01', notice: { id: 'policy' } }] });
    expect(m.group.members.nodes.map((o: any) => o.id)).toEqual(['site']);
  });

  it('batches: a page of flows with all their references costs the same few queries for 5 or 90 flows', async () => {
    const db = app.get(Neo4jService);
    const q = `query($map: String!, $n: Int!) { map(name: $map) { flows(first: $n) { nodes {
      id from { id operator { id } } to { id } sender { name } recipient { name } dataCategories { id subject { id } } purposes { id } notice { id } } } } }`;
    const cost = async (n: number) => {
      const before = db.statementCount;
      const res = await gql(app, q, { map: rikunabi, n });
      expect(res.errors).toBeUndefined();
      return db.statementCount - before;
    };
    const small5 = await cost(5);
    const all90 = await cost(90);
    expect(all90).toBe(small5);
    expect(all90).toBeLessThanOrEqual(10);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field, and unknown maps with NOT_FOUND', async () => {
    const tooMany = await gql(app, `{ map(name: "${rikunabi}") { flows(first: 100000) { totalCount } } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toMatch(/first/);
    const badCursor = await gql(app, `{ map(name: "${rikunabi}") { flows(after: "not-a-cursor") { totalCount } } }`);
    expect(badCursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'after' }] } });
    const badDate = await gql(app, `{ map(name: "${rikunabi}") { flows(filter: { asOf: "2019-13" }) { totalCount } } }`);
    expect(badDate.errors?.[0].message).toMatch(/asOf/);
    const missing = await gql(app, `{ map(name: "no-such-map") { name } }`);
    expect(missing.errors?.[0]).toMatchObject({ message: 'map "no-such-map" not found', extensions: { code: 'NOT_FOUND' } });
    const unknownField = await gql(app, `{ map(name: "${rikunabi}") { nope } }`);
    expect(unknownField.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses queries nested deeper than the limit', async () => {
    const deep = `{ map(name: "${small}") { flow(id: "score-out") { from { operator { systems { nodes { flowsOut { nodes { to { operator { systems { nodes { flowsOut { nodes { id } } } } } } } } } } } } } } }`;
    const res = await gql(app, deep);
    expect(res.errors?.[0].message).toMatch(/levels deep; at most 12/);
  });

  it('imports through the API only valid maps, listing every problem and writing nothing otherwise', async () => {
    const name = uniqueMapName('api');
    const broken = smallMap(name) as any;
    broken.flows[0].to = 'nowhere';
    broken.organizations[0].country = 'Japan';
    const res = await gql(app, IMPORT, { input: { content: serializeMap(broken) } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.problems?.map((p) => p.path).sort()).toEqual(['flows[0].to', 'organizations[0].country']);
    expect((await gql(app, `{ map(name: "${name}") { name } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const notYaml = await gql(app, IMPORT, { input: { content: 'tadoru: 1\nflows: [' } });
    expect(notYaml.errors?.[0].extensions?.problems?.[0].message).toMatch(/not valid YAML/);
  });

  it('deletes a map', async () => {
    const name = uniqueMapName('del');
    await gql(app, IMPORT, { input: { content: serializeMap(smallMap(name)) } });
    const res = await gql(app, `mutation { deleteMap(name: "${name}") { name deleted } }`);
    expect(res.data.deleteMap).toEqual({ name, deleted: true });
    expect((await gql(app, `mutation { deleteMap(name: "${name}") { deleted } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('never shows internals: unexpected errors become INTERNAL_SERVER_ERROR without details', async () => {
    const db = app.get(Neo4jService);
    const spy = jest.spyOn(db, 'read').mockRejectedValueOnce(new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n) secret cypher'));
    const res = await gql(app, `{ maps { name } }`);
    spy.mockRestore();
    expect(res.errors?.[0]).toMatchObject({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(res)).not.toMatch(/cypher|MATCH|stack/i);
  });

  it('serves the playground page and its assets from the installed packages (no CDN)', async () => {
    const page = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('GraphiQL');
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const src of [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])) {
      const asset = await request(app.getHttpServer()).get(src);
      expect(asset.status).toBe(200);
      expect(asset.body.length ?? asset.text.length).toBeGreaterThan(1000);
    }
  });

  it('runs every example the playground opens with, on the Rikunabi demo', async () => {
    // In order, as a newcomer would click through them: the apply tab writes onto version 1.
    for (const tab of PLAYGROUND_TABS) {
      const res = await gql(app, tab.query, { ...(tab.variables ? (JSON.parse(tab.variables) as object) : {}), map: rikunabi });
      expect(res.errors).toBeUndefined();
      if ('map' in res.data) expect(Object.values(res.data.map).every((v) => v !== null)).toBe(true);
    }
  });

  it('reports health', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });
});
