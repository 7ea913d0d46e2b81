import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApi, gql } from '../support/test-api';
import { uniqueMapName } from '../support/test-database';

const IMPORT = `mutation ($input: ImportMapInput!) { importMap(input: $input) { map { version } } }`;
const RECIPIENTS = `query ($map: String!, $category: String, $subject: String, $first: Int, $after: String) {
  map(name: $map) {
    version
    recipients(category: $category, subject: $subject, first: $first, after: $after) {
      version totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { organizationId systemId categoryId flowId purposeId } }
      nodes { organizationId systemId categoryId flowId purposeId }
      rows { flowId }
    }
  }
}`;
const FLOWS = `query ($map: String!, $after: String) { map(name: $map) { flows(first: 3, after: $after) { pageInfo { endCursor } } } }`;
const FINDINGS = `query ($map: String!, $first: Int, $after: String) {
  map(name: $map) { findings(first: $first, after: $after) { version totalCount pageInfo { hasNextPage endCursor } edges { cursor } nodes { id } hasNextPage endCursor } }
}`;

const rowKey = (r: Record<string, string | null>) => [r.organizationId, r.systemId, r.categoryId, r.flowId, r.purposeId].join('|');

/** Every paged list has one shape, and a cursor pages only the list, version and question it came from. */
describe('paging recipients and findings, and cursors (Rikunabi demo, real Neo4j, over HTTP)', () => {
  let app: INestApplication;
  const map = uniqueMapName('paging');
  const content = readFileSync(join(__dirname, '../../examples/rikunabi-2019.yaml'), 'utf8');

  beforeAll(async () => {
    app = await createTestApi();
    expect((await gql(app, IMPORT, { input: { content, map } })).errors).toBeUndefined();
  });
  afterAll(() => app.close());

  it('pages through the recipients of a subject: the pages together are the whole answer, in order, without repeats', async () => {
    const whole = await gql(app, RECIPIENTS, { map, subject: 'student-2020', first: 1000 });
    expect(whole.errors).toBeUndefined();
    const all = whole.data.map.recipients;
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.totalCount).toBeGreaterThan(25);
    expect(all.rows.map((r: any) => r.flowId)).toEqual(all.nodes.map((n: any) => n.flowId));
    expect(all.pageInfo.hasNextPage).toBe(false);

    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: any = await gql(app, RECIPIENTS, { map, subject: 'student-2020', first: 7, after });
      expect(res.errors).toBeUndefined();
      const r = res.data.map.recipients;
      expect(r.totalCount).toBe(all.totalCount);
      expect(r.nodes.length).toBeLessThanOrEqual(7);
      expect(r.edges.map((e: any) => rowKey(e.node))).toEqual(r.nodes.map(rowKey));
      expect(r.edges[r.edges.length - 1]?.cursor ?? null).toBe(r.pageInfo.endCursor);
      paged.push(...r.nodes.map(rowKey));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.nodes.map(rowKey));
    // any edge's cursor continues right after that edge
    const fifth = (await gql(app, RECIPIENTS, { map, subject: 'student-2020', first: 7 })).data.map.recipients.edges[4].cursor;
    const next = await gql(app, RECIPIENTS, { map, subject: 'student-2020', first: 3, after: fifth });
    expect(next.data.map.recipients.nodes.map(rowKey)).toEqual(all.nodes.slice(5, 8).map(rowKey));
  });

  it('pages through findings the same way', async () => {
    const whole = (await gql(app, FINDINGS, { map, first: 1000 })).data.map.findings;
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const f: any = (await gql(app, FINDINGS, { map, first: 40, after })).data.map.findings;
      paged.push(...f.nodes.map((n: any) => n.id));
      expect(f.hasNextPage).toBe(f.pageInfo.hasNextPage);
      expect(f.endCursor).toBe(f.pageInfo.endCursor);
      if (!f.pageInfo.hasNextPage) break;
      after = f.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole.nodes.map((n: any) => n.id));
  });

  it('refuses a cursor of another list, of other arguments, or of an older version, with BAD_USER_INPUT naming `after`', async () => {
    const flowsCursor = (await gql(app, FLOWS, { map })).data.map.flows.pageInfo.endCursor;
    const recipientsCursor = (await gql(app, RECIPIENTS, { map, category: 'rn2020-browsing-member', first: 2 })).data.map.recipients.pageInfo.endCursor;
    const findingsCursor = (await gql(app, FINDINGS, { map, first: 2 })).data.map.findings.pageInfo.endCursor;

    const refused = async (query: string, variables: Record<string, unknown>, message: RegExp) => {
      const res = await gql(app, query, { map, ...variables });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'after', message: expect.stringMatching(message) }] } });
    };
    await refused(RECIPIENTS, { category: 'rn2020-browsing-member', after: flowsCursor }, /cursor of the flows list, not of recipients/);
    await refused(FINDINGS, { first: 2, after: recipientsCursor }, /cursor of the recipients list, not of findings/);
    await refused(RECIPIENTS, { category: 'rn2020-name', after: recipientsCursor }, /other arguments/);
    await refused(FLOWS, { after: 'not-a-cursor' }, /not a cursor this API returned/);
    await refused(FLOWS, { after: Buffer.from('id:toyota').toString('base64url') }, /not a cursor this API returned/);

    // after a write, the cursors of the version before are stale
    const changed = content.replace('name: Toyota Motor Corporation', 'name: Toyota Motor Corp.');
    expect(changed).not.toEqual(content);
    expect((await gql(app, IMPORT, { input: { content: changed, map } })).data.importMap.map.version).toBe(2);
    await refused(FLOWS, { after: flowsCursor }, /issued for version 1 of the map, which is at version 2 now/);
    await refused(FINDINGS, { first: 2, after: findingsCursor }, /issued for version 1/);
    await refused(RECIPIENTS, { category: 'rn2020-browsing-member', after: recipientsCursor }, /issued for version 1/);
  });
});
