import { AnswerCache } from './answer-cache';

type Answer = { rows: number };
const kept = (rows: number) => async () => ({ value: { rows }, keep: true });

describe('AnswerCache', () => {
  const counting = (keep = true) => {
    let calls = 0;
    return { compute: async () => ({ value: { rows: ++calls }, keep }), calls: () => calls };
  };

  it('computes a question once and serves it again', async () => {
    const cache = new AnswerCache<Answer>(10, 100, () => 1);
    const c = counting();
    expect(await cache.get('q', true, c.compute)).toEqual({ rows: 1 });
    expect(await cache.get('q', true, c.compute)).toEqual({ rows: 1 });
    expect(c.calls()).toBe(1);
  });

  it('never serves or keeps an answer that is not cacheable', async () => {
    const cache = new AnswerCache<Answer>(10, 100, () => 1);
    const c = counting();
    await cache.get('q', true, c.compute);
    expect(await cache.get('q', false, c.compute)).toEqual({ rows: 2 });
    expect(cache.size).toBe(1);
  });

  it('does not keep an answer its read could not confirm (the version changed while it was read)', async () => {
    const cache = new AnswerCache<Answer>(10, 100, () => 1);
    const c = counting(false);
    await cache.get('q', true, c.compute);
    expect(await cache.get('q', true, c.compute)).toEqual({ rows: 2 });
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used past its entry and row bounds', async () => {
    const cache = new AnswerCache<Answer>(2, 5, (v) => v.rows);
    await cache.get('a', true, kept(1));
    await cache.get('b', true, kept(1));
    await cache.get('a', true, kept(9)); // a is used again: b is now the oldest
    await cache.get('c', true, kept(1));
    expect(await cache.get('b', true, kept(2))).toEqual({ rows: 2 });
    await cache.get('big', true, kept(6)); // larger than the row bound: not kept
    expect(await cache.get('big', true, kept(3))).toEqual({ rows: 3 });
  });

  it('tells the computation whether its answer could be kept, so that it checks the version only then', async () => {
    const told: boolean[] = [];
    const compute = async (keepable: boolean) => (told.push(keepable), { value: { rows: 1 }, keep: keepable });
    await new AnswerCache<Answer>(10, 100, () => 1).get('q', true, compute);
    await new AnswerCache<Answer>(10, 100, () => 1).get('q', false, compute);
    await new AnswerCache<Answer>(0, 100, () => 1).get('q', true, compute);
    expect(told).toEqual([true, false, false]);
  });

  it('keeps nothing with no entries allowed', async () => {
    const cache = new AnswerCache<Answer>(0, 5, () => 1);
    const c = counting();
    await cache.get('q', true, c.compute);
    await cache.get('q', true, c.compute);
    expect(c.calls()).toBe(2);
  });
});
