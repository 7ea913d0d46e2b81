import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallMap } from '../../../../test/fixtures/small-map';
import { loadMapSources } from '../load-map-sources';
import { validateMap } from './map-validator';

const validate = (value: unknown) => validateMap([{ value }]);
const messages = (value: unknown) => validate(value).problems.map((p) => `${p.path}: ${p.message}`);

describe('validateMap', () => {
  it('accepts a valid map and returns it', () => {
    const result = validate(smallMap());
    expect(result.problems).toEqual([]);
    expect(result.map?.flows).toHaveLength(3);
  });

  it.each(readdirSync(join(__dirname, '../../../../examples')).filter((f) => f.endsWith('.yaml')))('accepts the example %s', (file) => {
    const text = readFileSync(join(__dirname, '../../../../examples', file), 'utf8');
    const result = loadMapSources([{ name: file, text }]);
    expect(result.problems).toEqual([]);
  });

  it('names the path and the unknown id of a dangling reference', () => {
    const map = smallMap();
    map.flows![1].from = 'dmp';
    expect(messages(map)).toEqual(['flows[1].from: unknown system "dmp"']);
  });

  it('reports every problem at once, not only the first', () => {
    const map = smallMap() as unknown as Record<string, any>;
    map.organizations[0].country = 'XX';
    map.dataCategories[1].class = 'SECRET';
    map.flows[0].basis = 'CONSENTED';
    map.flows[2].dataCategories = ['name', 'nope'];
    map.people[0].consents[0].at = '2019-02-30';
    map.systems[0].collections[0].method = 'TELEPATHY';
    expect(messages(map)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^organizations\[0\]\.country: must be an ISO 3166-1 alpha-2 country code/),
        expect.stringMatching(/^dataCategories\[1\]\.class: must be one of PERSONAL, SPECIAL_CARE/),
        expect.stringMatching(/^flows\[0\]\.basis: must be one of INTERNAL, CONSENT/),
        'flows[2].dataCategories[1]: unknown data category "nope"',
        'people[0].consents[0].at: must be a date YYYY-MM-DD, got "2019-02-30"',
        expect.stringMatching(/^systems\[0\]\.collections\[0\]\.method: must be one of DIRECT/),
      ]),
    );
    expect(validate(map).map).toBeUndefined();
  });

  it('rejects unknown keys and suggests the likely one', () => {
    const map = smallMap() as unknown as Record<string, any>;
    map.flows[0].purpose = ['matching'];
    map.extras = [];
    const found = messages(map);
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^extras: unknown key "extras"/),
        expect.stringMatching(/^flows\[0\]\.purpose: unknown key "purpose" \(did you mean "purposes"\?\)/),
      ]),
    );
  });

  it('rejects duplicate ids within a section, including collections across systems', () => {
    const map = smallMap();
    map.purposes!.push({ id: 'matching', name: 'Again' });
    map.systems![1].collections = [{ id: 'signup', dataCategories: ['name'], method: 'DIRECT' }];
    expect(messages(map)).toEqual([
      'purposes[2].id: duplicate id "matching": already defined at purposes[0].id',
      'systems[1].collections[0].id: duplicate id "signup": already defined at systems[0].collections[0].id',
    ]);
  });

  it('allows the same id in different sections', () => {
    const map = smallMap();
    map.purposes!.push({ id: 'score', name: 'Scoring' });
    expect(messages(map)).toEqual([]);
  });

  it('requires the format version and rejects other versions', () => {
    const { tadoru: _omit, ...rest } = smallMap();
    void _omit;
    expect(messages(rest)).toEqual(['tadoru: required: the format version, `tadoru: 1`']);
    expect(messages({ ...smallMap(), tadoru: 2 })).toEqual(['tadoru: unsupported format version 2; this tadoru reads version 1']);
  });

  it('checks required fields, id syntax, types and non-empty lists', () => {
    const map = smallMap() as unknown as Record<string, any>;
    delete map.organizations[1].country;
    map.subjects[0].id = 'has space';
    map.people[0].count = 0;
    map.flows[0].recordsKept = 'yes';
    map.derivations[0].outputs = [];
    map.purposes[0].id = 2020;
    expect(messages(map)).toEqual(
      expect.arrayContaining([
        'organizations[1].country: required',
        'subjects[0].id: "has space" is not a valid id: use 1-128 characters from A-Z a-z 0-9 . _ : -',
        'people[0].count: must be a whole number of at least 1',
        'flows[0].recordsKept: must be true or false',
        'derivations[0].outputs: must list at least one entry',
        'purposes[0].id: must be an id string (quote it: "2020")',
      ]),
    );
  });

  it('rejects intervals that end before they start and consents withdrawn before given', () => {
    const map = smallMap();
    map.flows![1].validTo = '2019-01-01';
    map.people![1].consents![0].withdrawnAt = '2019-01-01';
    expect(messages(map)).toEqual([
      'flows[1].validTo: ends (2019-01-01) before it starts (2019-03-01)',
      'people[1].consents[0].withdrawnAt: is before the consent was given (2019-03-02)',
    ]);
  });

  it('accepts shared-use users that are groups or organizations, and nothing else', () => {
    const map = smallMap();
    map.notices![0].sharedUse!.users = ['grp', 'employer', 'ghost'];
    expect(messages(map)).toEqual(['notices[0].sharedUse.users[2]: unknown organization or group "ghost"']);
  });

  it('merges several files into one map, with references across files, and reports ids defined twice', () => {
    const { flows, derivations, people, ...base } = smallMap();
    const ok = validateMap([
      { file: 'base.yaml', value: base },
      { file: 'flows.yaml', value: { tadoru: 1, flows, derivations, people } },
    ]);
    expect(ok.problems).toEqual([]);
    expect(ok.map?.flows).toHaveLength(3);
    const twice = validateMap([
      { file: 'base.yaml', value: base },
      { file: 'more.yaml', value: { tadoru: 1, purposes: [{ id: 'matching', name: 'Again' }] } },
    ]);
    expect(twice.problems).toEqual([{ file: 'more.yaml', path: 'purposes[0].id', message: 'duplicate id "matching": already defined at base.yaml: purposes[0].id' }]);
  });
});

describe('loadMapSources', () => {
  it('reads YAML dates as the strings the format expects', () => {
    const result = loadMapSources([{ text: 'tadoru: 1\nnotices: []\nflows: []\n' }]);
    expect(result.problems).toEqual([]);
    const dated = loadMapSources([{ text: 'tadoru: 1\norganizations:\n  - {id: a, name: A, country: JP}\nnotices:\n  - {id: n, organization: a, publishedAt: 2019-03-01}\n' }]);
    expect(dated.map?.notices?.[0].publishedAt).toBe('2019-03-01');
  });

  it('reports YAML syntax errors with their line', () => {
    const result = loadMapSources([{ name: 'bad.yaml', text: 'tadoru: 1\nflows:\n  - id: [unclosed\n' }]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toMatch(/^not valid YAML at line \d+, column \d+/);
  });

  it('rejects duplicate keys in YAML', () => {
    const result = loadMapSources([{ text: 'tadoru: 1\ntadoru: 1\n' }]);
    expect(result.problems[0].message).toMatch(/duplicat/i);
  });

  // 10^9 values once expanded: without the count's early stop, this test would not end (jest's timeout fails it).
  it('refuses a document whose YAML aliases expand without bound', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const result = loadMapSources([{ text: `tadoru: 1\n${lines.join('\n')}\n` }]);
    expect(result.problems).toEqual([{ path: '(root)', message: expect.stringMatching(/expands to more than 10,000,000 values/) }]);
  });

  it('walks very long lists without overflowing the stack', () => {
    const purposes = Array.from({ length: 200_000 }, (_, i) => ({ id: `p${i}`, name: 'Purpose' }));
    const result = loadMapSources([{ name: 'big.json', text: JSON.stringify({ tadoru: 1, purposes }) }]);
    expect(result.problems).toEqual([]);
    expect(result.map?.purposes).toHaveLength(200_000);
  });

  it('reads JSON', () => {
    const result = loadMapSources([{ name: 'm.json', text: JSON.stringify(smallMap()) }]);
    expect(result.problems).toEqual([]);
  });
});
