import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonMapScanner, MapStreamEvent, MapStreamSyntaxError, readJsonMapStream } from './json-map-stream';

const DOCUMENT = {
  tadoru: 1,
  map: 'stream-test',
  organizations: [
    { id: 'a', name: 'A "quoted" {brace} [bracket] \\ back', country: 'JP', roles: ['EMPLOYER'] },
    { id: 'b', name: '株式会社ビー', country: 'JP', nested: { deep: [1, { x: [] }] } },
  ],
  flows: [],
  weird: [1, 'two', true, null, 2.5e3],
  extra: { k: 'v' },
};

/** Feeds the text in pieces of the given sizes, cycling, to cut values at every kind of place. */
function scanInPieces(text: string, sizes: number[]): MapStreamEvent[] {
  const scanner = new JsonMapScanner();
  const events: MapStreamEvent[] = [];
  let at = 0;
  for (let n = 0; at < text.length; n++) {
    const size = sizes[n % sizes.length];
    events.push(...scanner.feed(text.slice(at, at + size)));
    at += size;
  }
  scanner.finish();
  return events;
}

function summarise(events: MapStreamEvent[]): unknown[] {
  return events.flatMap((e) => {
    if (e.kind === 'element') return [[e.section, e.index, e.value]];
    if (e.kind === 'header') return [['header', e.key, e.value]];
    if (e.kind === 'list') return [['list', e.key]];
    return [['error', e.section, e.index]];
  });
}

describe('JsonMapScanner', () => {
  const expected = [
    ['header', 'tadoru', 1],
    ['header', 'map', 'stream-test'],
    ['list', 'organizations'],
    ['organizations', 0, DOCUMENT.organizations[0]],
    ['organizations', 1, DOCUMENT.organizations[1]],
    ['list', 'flows'],
    ['list', 'weird'],
    ['weird', 0, 1],
    ['weird', 1, 'two'],
    ['weird', 2, true],
    ['weird', 3, null],
    ['weird', 4, 2500],
    ['header', 'extra', { k: 'v' }],
  ];

  it.each([[[1 << 20]], [[1]], [[2, 3, 5, 7]], [[13, 1, 1]]])('yields every header and entry whatever the pieces (%j)', (sizes) => {
    for (const text of [JSON.stringify(DOCUMENT), JSON.stringify(DOCUMENT, null, 2)]) {
      expect(summarise(scanInPieces(text, sizes))).toEqual(expected);
    }
  });

  it('reports an entry that is not valid JSON and goes on with the next', () => {
    const events = scanInPieces('{"flows": [{"id": "f",}, {"id": "g"}]}', [4]);
    expect(summarise(events)).toEqual([
      ['list', 'flows'],
      ['error', 'flows', 0],
      ['flows', 1, { id: 'g' }],
    ]);
  });

  it.each([
    ['[1, 2]', 1, 'must be one JSON object'],
    ['{"flows": [{"id": 1}}', 1, 'expected "," or "]"'],
    ['{\n"a": 1\n', 3, 'ends before the map object is closed'],
    ['{"a": 1} x', 1, 'text after the end'],
    ['{a: 1}', 1, 'expected a key in double quotes'],
  ])('stops with the line of a structural error: %s', (text, line, message) => {
    let error: unknown;
    try {
      scanInPieces(text, [2]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MapStreamSyntaxError);
    expect((error as MapStreamSyntaxError).line).toBe(line);
    expect((error as Error).message).toContain(message);
  });

  it('reads a file in chunks that cut multi-byte characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadoru-stream-'));
    const file = join(dir, 'map.json');
    writeFileSync(file, JSON.stringify(DOCUMENT));
    const events: MapStreamEvent[] = [];
    for await (const event of readJsonMapStream(file, { chunkBytes: 5 })) events.push(event);
    expect(summarise(events)).toEqual(expected);
  });
});
