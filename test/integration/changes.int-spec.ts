import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChangesService, diffRecipients, ReviewService, StaleChangeError } from '@tadoru/changes';
import { ConflictError, InvalidInputError, NotFoundError } from '@tadoru/common';
import { ChangeSet, DataMap, recipientsOfMap, serializeMap } from '@tadoru/map';
import { Neo4jService } from '@tadoru/graph';
import { FindingsService } from '@tadoru/rules';
import { HistoryService, MapStoreService } from '@tadoru/store';
import { MapDirectoryService } from '@tadoru/catalog';
import { smallMap } from '../fixtures/small-map';
import { createTestContext, uniqueMapName } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');
const RIKUNABI = readFileSync(join(ROOT, 'examples', 'rikunabi-2019.yaml'), 'utf8');
const ONE_MORE_EMPLOYER = readFileSync(join(ROOT, 'examples', 'changes', 'rikunabi-one-more-employer.yaml'), 'utf8');
const architect = { name: 'aiko', role: 'ARCHITECT' };
const dpo = { name: 'daichi', role: 'DPO' };

const change = (partial: Partial<ChangeSet>): ChangeSet => ({ tadoru: 1, upsert: {}, retire: {}, remove: {}, ...partial });

async function problemsOf(work: Promise<unknown>): Promise<Array<{ path: string; message: string }>> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return (error as InvalidInputError).problems;
}

describe('change sets on stored maps: propose, apply, review, history (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  let maps: MapStoreService;
  let changes: ChangesService;
  let review: ReviewService;
  let history: HistoryService;
  let findings: FindingsService;
  let directory: MapDirectoryService;

  beforeAll(async () => {
    ctx = await createTestContext();
    maps = ctx.get(MapStoreService);
    changes = ctx.get(ChangesService);
    review = ctx.get(ReviewService);
    history = ctx.get(HistoryService);
    findings = ctx.get(FindingsService);
    directory = ctx.get(MapDirectoryService);
  });
  afterAll(() => ctx.close());

  async function rikunabi(): Promise<string> {
    const name = uniqueMapName('rikunabi');
    await maps.importMap([{ name: 'rikunabi-2019.yaml', text: RIKUNABI }], { mapName: name, actor: architect });
    return name;
  }

  describe('the Rikunabi story: one more employer receives the decline scores', () => {
    let name: string;
    let delivery: ChangeSet;
    beforeAll(async () => {
      name = await rikunabi();
      delivery = changes.changeSetOf({ content: ONE_MORE_EMPLOYER, format: 'yaml' });
    });

    it('a proposal shows the new recipient and the findings it would introduce, and writes nothing', async () => {
      const before = await directory.pin(name);
      const exported = await maps.exportMap(name);
      const diff = await changes.propose(name, delivery, architect);
      expect(diff).toMatchObject({ map: name, baseVersion: before.version, version: null, elements: { added: 5, changed: 0, retired: 0, removed: 0 } });
      expect(diff.recipients.added).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ organization: 'sample-employer', system: 'sample-employer-ats', category: 'rn2020-decline-score', flow: 'sample-employer-scores-named', derived: true }),
        ]),
      );
      expect(diff.recipients.removed).toEqual([]);
      const onDelivery = diff.introduced.filter((f) => f.target.id === 'sample-employer-scores-named');
      expect(onDelivery.length).toBeGreaterThan(0);
      expect(onDelivery.map((f) => f.rule)).toEqual(expect.arrayContaining(['APPI-27-1']));
      for (const f of onDelivery) {
        expect(f.path[f.path.length - 1]).toBe('sample-employer-ats');
        expect(f.message.length).toBeGreaterThan(0);
        expect(f.messageJa.length).toBeGreaterThan(0);
      }
      expect(diff.summary.introduced.critical + diff.summary.introduced.high).toBeGreaterThan(0);
      // Nothing written: the same version, the same content.
      expect((await directory.pin(name)).version).toBe(before.version);
      expect(await maps.exportMap(name)).toBe(exported);
    });

    it('applying it records the actor; the versions before and after answer differently; the history lists it', async () => {
      const base = (await directory.pin(name)).version;
      const asImported = serializeMap(await maps.exportMapObject(name));
      const { diff, applied } = await changes.apply(name, delivery, base, architect);
      expect(applied).toBe(true);
      expect(diff).toMatchObject({ baseVersion: base, version: base + 1 });
      expect((await directory.pin(name)).version).toBe(base + 1);

      const page = await history.changes(name, {}, { first: 10 });
      expect(page.records[0]).toMatchObject({ version: base + 1, baseVersion: base, kind: 'change', actor: architect, description: delivery.description });
      expect(page.records[0].introduced.length).toBe(diff.introduced.length);
      expect(page.records[page.records.length - 1]).toMatchObject({ version: 1, kind: 'import', actor: architect });

      const then = await history.pinVersion(name, base);
      const now = await directory.pin(name);
      const thenFindings = await findings.all(then);
      const nowFindings = await findings.all(now);
      expect(thenFindings.some((f) => f.target.id === 'sample-employer-scores-named')).toBe(false);
      expect(nowFindings.some((f) => f.target.id === 'sample-employer-scores-named')).toBe(true);
      expect(then.version).toBe(base);
      // The past version is the map as it was imported, exactly.
      expect(serializeMap(await history.mapAt(name, base))).toBe(asImported);

      const byElement = await history.changes(name, { element: 'sample-employer-scores-named' }, { first: 10 });
      expect(byElement.records.map((r) => r.version)).toEqual([base + 1]);
      const byActor = await history.changes(name, { actor: 'nobody' }, { first: 10 });
      expect(byActor.records).toEqual([]);
    });

    it('a stale expected version gets CONFLICT and writes nothing', async () => {
      const current = await directory.pin(name);
      const exported = await maps.exportMap(name);
      const retire = change({ retire: { flows: [{ id: 'toyota-scores-named', on: '2019-07-31' }] } });
      await expect(changes.apply(name, retire, current.version - 1, architect)).rejects.toBeInstanceOf(ConflictError);
      expect((await directory.pin(name)).version).toBe(current.version);
      expect(await maps.exportMap(name)).toBe(exported);
    });

    it('compares two versions: the diff between them and who made the writes', async () => {
      const current = (await directory.pin(name)).version;
      const { diff, records } = await changes.compare(name, 1, current);
      expect(diff.recipients.added.some((r) => r.organization === 'sample-employer')).toBe(true);
      expect(diff.introduced.some((f) => f.target.id === 'sample-employer-scores-named')).toBe(true);
      expect(records.map((r) => r.actor.name)).toContain('aiko');
    });
  });

  describe('flows added in place', () => {
    it('gives the same diff as evaluating both maps whole', async () => {
      const name = await rikunabi();
      const added = change({
        upsert: {
          flows: [
            { id: 'scores-to-partners', from: 'dmp-follow-model', to: 'partner-job-sites-web', dataCategories: ['rn2020-decline-score'], purposes: ['recruiting-support'], basis: 'CONSENT', notice: 'rikunabi-policy-2019-03' },
          ],
        },
      });
      const inPlace = await changes.propose(name, added, architect);
      // The same change written as a whole map, evaluated whole:
      const base = await maps.exportMapObject(name);
      const whole: DataMap = { ...base, flows: [...(base.flows ?? []), ...added.upsert.flows!] };
      const wholeFindings = await maps.withScratchMap(whole, (scratch) => findings.all(scratch));
      const baseFindings = await findings.all(await directory.pin(name));
      const key = (f: { rule: string; target: { kind: string; id: string } }) => `${f.rule}:${f.target.kind}:${f.target.id}`;
      const had = new Set(baseFindings.map(key));
      const has = new Set(wholeFindings.map(key));
      expect(inPlace.introduced.map(key).sort()).toEqual(wholeFindings.filter((f) => !had.has(key(f))).map(key).sort());
      expect(inPlace.resolved.map(key).sort()).toEqual(baseFindings.filter((f) => !has.has(key(f))).map(key).sort());
      expect(inPlace.recipients).toEqual(diffRecipients(recipientsOfMap(base), recipientsOfMap(whole)));
      expect(inPlace.recipients.added).toEqual([expect.objectContaining({ organization: 'partner-job-sites', system: 'partner-job-sites-web', category: 'rn2020-decline-score' })]);
    });

    it('20 concurrent applies against one version: exactly one wins, the others get CONFLICT, and the map holds only the winner', async () => {
      const name = uniqueMapName('race');
      await maps.importMap([{ name: 'map.yaml', text: serializeMap(smallMap(name)) }]);
      const base = (await directory.pin(name)).version;
      const attempts = Array.from({ length: 20 }, (_, i) =>
        changes.apply(name, change({ upsert: { flows: [{ id: `race-${i}`, from: 'model', to: 'ats', dataCategories: ['name'], purposes: ['matching'], basis: 'CONSENT' }] } }), base, architect),
      );
      const settled = await Promise.allSettled(attempts);
      const won = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const s of settled) if (s.status === 'rejected') expect(s.reason).toBeInstanceOf(ConflictError);
      const stored = await maps.exportMapObject(name);
      expect((stored.flows ?? []).filter((f) => f.id.startsWith('race-')).map((f) => f.id)).toEqual([`race-${won[0]}`]);
      expect((await directory.pin(name)).version).toBe(base + 1);
    });
  });

  describe('bad change sets: a clear error naming the path, and nothing written', () => {
    let name: string;
    beforeAll(async () => {
      name = uniqueMapName('bad');
      await maps.importMap([{ name: 'map.yaml', text: serializeMap(smallMap(name)) }]);
    });

    async function expectNothingWritten(work: () => Promise<unknown>) {
      const version = (await directory.pin(name)).version;
      const exported = await maps.exportMap(name);
      await work();
      expect((await directory.pin(name)).version).toBe(version);
      expect(await maps.exportMap(name)).toBe(exported);
    }

    it('a new flow to an unknown system (in place)', async () => {
      await expectNothingWritten(async () => {
        const bad = change({ upsert: { flows: [{ id: 'f-new', from: 'model', to: 'nowhere', dataCategories: ['name'], basis: 'CONSENT' }] } });
        expect(await problemsOf(changes.apply(name, bad, (await directory.pin(name)).version, architect))).toEqual([expect.objectContaining({ path: 'upsert.flows[0].to' })]);
      });
    });

    it('retiring an unknown flow, and a retire date before the flow began', async () => {
      await expectNothingWritten(async () => {
        const bad = change({ retire: { flows: [{ id: 'no-such-flow', on: '2020-01-01' }] } });
        expect(await problemsOf(changes.propose(name, bad, architect))).toEqual([expect.objectContaining({ path: 'retire.flows[0].id' })]);
      });
      const dated = smallMap(name).flows!.find((f) => f.validFrom);
      if (dated) {
        const early = change({ retire: { flows: [{ id: dated.id, on: '1990-01-01' }] } });
        const problems = await problemsOf(changes.propose(name, early, architect));
        expect(problems).toEqual([expect.objectContaining({ path: 'retire.flows[0].on' })]);
        expect(problems[0].message).toMatch(/before/);
      }
    });

    it('removing an element still referenced', async () => {
      await expectNothingWritten(async () => {
        const purpose = smallMap(name).purposes![0].id;
        const problems = await problemsOf(changes.apply(name, change({ remove: { purposes: [purpose] } }), (await directory.pin(name)).version, architect));
        expect(problems[0].path).toBe('remove.purposes[0]');
        expect(problems[0].message).toContain(purpose);
      });
    });

    it('a change set document with problems lists every one with its path', async () => {
      await expectNothingWritten(async () => {
        const problems = await problemsOf(Promise.resolve().then(() => changes.changeSetOf({ content: 'tadoru: 1\nupsert:\n  flows:\n    - {id: x, from: a}\nbogus: 1\n', format: 'yaml' })));
        expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['bogus', 'upsert.flows[0].to']));
      });
    });

    it('an unknown map is NOT_FOUND', async () => {
      await expect(changes.propose(uniqueMapName('none'), change({ remove: { purposes: ['x'] } }), architect)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('review', () => {
    it('submit, approve (applied onto its base, reviewer recorded), and a request is decided once', async () => {
      const name = await rikunabi();
      const delivery = changes.changeSetOf({ content: ONE_MORE_EMPLOYER, format: 'yaml' });
      const request = await review.submit(name, delivery, architect);
      expect(request).toMatchObject({ map: name, state: 'PENDING', author: architect, reviewer: null });
      expect(request.diff.recipients.added.length).toBeGreaterThan(0);
      expect((await review.list({ map: name, state: 'PENDING' }, { first: 10 })).requests.map((r) => r.id)).toEqual([request.id]);

      const approved = await review.approve(request.id, dpo, 'checked with legal');
      expect(approved).toMatchObject({ state: 'APPROVED', reviewer: dpo, comment: 'checked with legal', appliedVersion: request.baseVersion + 1 });
      const [record] = (await history.changes(name, {}, { first: 1 })).records;
      expect(record).toMatchObject({ version: request.baseVersion + 1, actor: dpo });
      expect(record.description).toContain(request.id);
      await expect(review.approve(request.id, dpo)).rejects.toThrow(/already approved/);
      await expect(review.reject(request.id, dpo, 'too late')).rejects.toBeInstanceOf(ConflictError);
    });

    it('approving a request whose map moved on is CONFLICT with a fresh diff, and the request stays pending; rejecting needs a comment', async () => {
      const name = await rikunabi();
      const delivery = changes.changeSetOf({ content: ONE_MORE_EMPLOYER, format: 'yaml' });
      const request = await review.submit(name, delivery, architect);
      await changes.apply(name, change({ retire: { flows: [{ id: 'toyota-scores-named', on: '2019-07-31' }] } }), request.baseVersion, architect);
      const error = await review.approve(request.id, dpo).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaleChangeError);
      expect((error as StaleChangeError).freshDiff).toMatchObject({ baseVersion: request.baseVersion + 1 });
      expect((await review.find(request.id)).state).toBe('PENDING');
      expect(await problemsOf(review.reject(request.id, dpo, '  '))).toEqual([expect.objectContaining({ path: 'comment' })]);
      expect(await review.reject(request.id, dpo, 'the base moved; submit again')).toMatchObject({ state: 'REJECTED', comment: 'the base moved; submit again' });
    });
  });

  describe('history', () => {
    it('records imports as the change they amount to, keeps the history of a deleted map, and grows with the changes, not the map', async () => {
      const name = uniqueMapName('hist');
      const map = smallMap(name);
      await maps.importMap([{ name: 'map.yaml', text: serializeMap(map) }], { actor: architect });
      const asImported = serializeMap(await maps.exportMapObject(name));
      const renamed = { ...map, purposes: map.purposes!.map((p, i) => (i === 0 ? { ...p, name: `${p.name} (renamed)` } : p)) };
      await maps.importMap([{ name: 'map.yaml', text: serializeMap(renamed) }], { actor: architect });
      const [reimport] = (await history.changes(name, {}, { first: 1 })).records;
      expect(reimport).toMatchObject({ version: 2, kind: 'import', elements: { added: 0, changed: 1, retired: 0, removed: 0 } });
      expect((await history.elementChanges(name, 2)).map((e) => [e.section, e.id, e.kind])).toEqual([['purposes', map.purposes![0].id, 'changed']]);

      const before = await history.size(name);
      for (let i = 0; i < 5; i++) {
        const version = (await directory.pin(name)).version;
        await changes.apply(name, change({ upsert: { flows: [{ id: `grow-${i}`, from: 'model', to: 'ats', dataCategories: ['name'], basis: 'CONSENT' }] } }), version, architect);
      }
      const after = await history.size(name);
      expect(after.records - before.records).toBe(5);
      expect(after.chunks - before.chunks).toBe(5);
      expect((after.bytes - before.bytes) / 5).toBeLessThan(20_000);

      const last = (await directory.pin(name)).version;
      await maps.deleteMap(name, architect);
      const page = await history.changes(name, {}, { first: 100 });
      expect(page.records[0]).toMatchObject({ version: last + 1, kind: 'delete', actor: architect });
      expect(page.records).toHaveLength(last + 1);
      await expect(history.mapAt(name, last + 1)).rejects.toBeInstanceOf(NotFoundError);
      expect((await history.mapAt(name, last)).flows!.map((f) => f.id)).toEqual(expect.arrayContaining(['grow-4']));
      expect(serializeMap(await history.mapAt(name, 1))).toBe(asImported);
    });

    it('starts the history of a map stored before history was kept with a baseline of the version it stood at', async () => {
      const name = uniqueMapName('legacy');
      await maps.importMap([{ name: 'map.yaml', text: serializeMap(smallMap(name)) }]);
      const asStored = serializeMap(await maps.exportMapObject(name));
      await ctx.get(Neo4jService).write('test.forgetHistory', (q) => q.run('testing/forget-history', { map: name }));
      await changes.apply(name, change({ upsert: { flows: [{ id: 'after-upgrade', from: 'model', to: 'ats', dataCategories: ['name'], basis: 'CONSENT' }] } }), 1, architect);
      const records = (await history.changes(name, {}, { first: 10 })).records;
      expect(records.map((r) => [r.version, r.kind])).toEqual([
        [2, 'change'],
        [1, 'baseline'],
      ]);
      expect(serializeMap(await history.mapAt(name, 1))).toBe(asStored);
      expect((await history.mapAt(name, 2)).flows!.map((f) => f.id)).toContain('after-upgrade');
    });

    it('pages through the records with a cursor and refuses a cursor of another question', async () => {
      const name = uniqueMapName('pages');
      const map = smallMap(name);
      await maps.importMap([{ name: 'map.yaml', text: serializeMap(map) }]);
      for (let i = 0; i < 3; i++) await changes.apply(name, change({ upsert: { flows: [{ id: `p-${i}`, from: 'model', to: 'ats', dataCategories: ['name'], basis: 'CONSENT' }] } }), i + 1, architect);
      const first = await history.changes(name, {}, { first: 2 });
      expect(first.records.map((r) => r.version)).toEqual([4, 3]);
      const second = await history.changes(name, {}, { first: 2, after: first.endCursor });
      expect(second.records.map((r) => r.version)).toEqual([2, 1]);
      expect(second.hasNextPage).toBe(false);
      expect(await problemsOf(history.changes(name, { actor: 'x' }, { first: 2, after: first.endCursor }))).toEqual([expect.objectContaining({ path: 'after' })]);
      expect(await problemsOf(history.changes(name, { since: 'yesterday' }, { first: 2 }))).toEqual([expect.objectContaining({ path: 'since' })]);
    });
  });
});
