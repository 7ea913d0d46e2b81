import { canonicalArguments, decodeCursor, encodeCursor } from './cursor';
import { InvalidInputError } from './errors';

const flows = { list: 'flows', version: 3, question: canonicalArguments({ basis: 'CONSENT' }) };

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return `${error.problems[0].path}: ${error.problems[0].message}`;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('cursors', () => {
  it('give back the position they were made with, in the same scope', () => {
    expect(decodeCursor(encodeCursor(flows, 'flow-17'), flows)).toBe('flow-17');
    expect(decodeCursor(encodeCursor({ list: 'findings', version: 1 }, 'APPI-27-1:flow:x'), { list: 'findings', version: 1 })).toBe('APPI-27-1:flow:x');
  });

  it('refuse a cursor of another list, version or question, saying which', () => {
    const cursor = encodeCursor(flows, 'flow-17');
    expect(problem(() => decodeCursor(cursor, { ...flows, list: 'organizations' }))).toBe('after: is a cursor of the flows list, not of organizations');
    expect(problem(() => decodeCursor(cursor, { ...flows, version: 4 }))).toMatch(/^after: was issued for version 3 of the map, which is at version 4 now/);
    expect(problem(() => decodeCursor(cursor, { ...flows, question: canonicalArguments({ basis: 'LAW' }) }))).toMatch(/^after: was issued for other arguments/);
  });

  it('refuse what this API did not make: garbage, edits, the old unsealed form', () => {
    const cursor = encodeCursor(flows, 'flow-17');
    const edited = `${Buffer.from(JSON.stringify([1, 'flows', 3, '', 'flow-99'])).toString('base64url')}.${cursor.split('.')[1]}`;
    for (const bad of ['', 'abc', `${cursor}x`, edited, Buffer.from('id:flow-17').toString('base64url')]) {
      expect(problem(() => decodeCursor(bad, flows, 'after'))).toBe('after: is not a cursor this API returned (pass the endCursor of the previous page)');
    }
  });

  it('compare arguments canonically: key order and nulls do not matter', () => {
    expect(canonicalArguments({ b: 1, a: null, c: [{ y: 2, x: 1 }] })).toBe(canonicalArguments({ c: [{ x: 1, y: 2 }], b: 1 }));
  });
});
