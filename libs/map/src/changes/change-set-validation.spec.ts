import { parseChangeSet, validateChangeSet } from './change-set-validation';

const problemsOf = (doc: unknown) => validateChangeSet(doc).problems.map((p) => `${p.path}: ${p.message}`);

const flow = { id: 'k9-new', from: 'w-app', to: 'broker-db', dataCategories: ['profile'], purposes: ['recruiting'], basis: 'CONSENT', notice: 'n1' };

describe('parseChangeSet', () => {
  it('reads the YAML document of the spec into a change set', () => {
    const text = [
      'tadoru: 1',
      'description: Deliver decline scores to a new client',
      'upsert:',
      '  organizations:',
      '    - {id: broker, name: Broker KK, country: JP, roles: [DATA_BROKER]}',
      '  flows:',
      '    - {id: k9-new, from: w-app, to: broker-db, dataCategories: [profile], purposes: [recruiting], basis: CONSENT, notice: n1}',
      'retire:',
      '  flows: [{id: old-feed, on: 2020-01-31}]',
      '  consents: [{person: cohort-a, notice: n1, on: 2020-01-31}]',
      'remove:',
      '  purposes: [unused-purpose]',
    ].join('\n');
    const { change, problems } = parseChangeSet(text);
    expect(problems).toEqual([]);
    expect(change).toEqual({
      tadoru: 1,
      description: 'Deliver decline scores to a new client',
      upsert: { organizations: [{ id: 'broker', name: 'Broker KK', country: 'JP', roles: ['DATA_BROKER'] }], flows: [flow] },
      retire: { flows: [{ id: 'old-feed', on: '2020-01-31' }], consents: [{ person: 'cohort-a', notice: 'n1', on: '2020-01-31' }] },
      remove: { purposes: ['unused-purpose'] },
    });
  });

  it('gives the same problems for JSON and YAML, and reports syntax errors', () => {
    const doc = { tadoru: 1, upsert: { flows: [{ ...flow, to: 7 }] } };
    expect(parseChangeSet(JSON.stringify(doc), 'json').problems).toEqual(validateChangeSet(doc).problems);
    expect(parseChangeSet('tadoru: 1\nupsert: [', 'yaml').problems[0]).toMatchObject({ path: '(file)', message: expect.stringMatching(/^not valid YAML/) });
    expect(parseChangeSet('', 'yaml').problems).toEqual([{ path: '(root)', message: 'the document is empty' }]);
  });
});

describe('validateChangeSet', () => {
  it('requires `tadoru: 1` and refuses other versions', () => {
    expect(problemsOf({ remove: { purposes: ['p'] } })).toEqual(['tadoru: required: the format version, `tadoru: 1`']);
    expect(problemsOf({ tadoru: 2, remove: { purposes: ['p'] } })).toEqual(['tadoru: unsupported format version 2; this tadoru reads version 1']);
  });

  it('refuses a document that is not a mapping', () => {
    expect(problemsOf([1, 2])).toEqual(['(root): a change set must be a mapping (an object) with `tadoru: 1` and upsert, retire or remove']);
  });

  it('reports unknown keys at every level, with a suggestion', () => {
    expect(
      problemsOf({
        tadoru: 1,
        upserts: {},
        upsert: { flow: [], flows: [{ ...flow, too: 'x' }] },
        retire: { flows: [{ id: 'f', on: '2020-01-01', reason: 'old' }], purposes: [] },
        remove: { purpose: ['p'] },
      }),
    ).toEqual([
      expect.stringMatching(/^upserts: unknown key "upserts" \(did you mean "upsert"\?\); allowed: tadoru, description, upsert, retire, remove$/),
      expect.stringMatching(/^upsert\.flow: unknown key "flow" \(did you mean "flows"\?\)/),
      expect.stringMatching(/^upsert\.flows\[0\]\.too: unknown key "too" \(did you mean "to"\?\)/),
      expect.stringMatching(/^retire\.purposes: unknown key "purposes"; allowed: flows, derivations, consents$/),
      expect.stringMatching(/^retire\.flows\[0\]\.reason: unknown key "reason"; allowed: id, on$/),
      expect.stringMatching(/^remove\.purpose: unknown key "purpose" \(did you mean "purposes"\?\)/),
    ]);
  });

  it('validates element entries with the map format shape rules, at their path in the change', () => {
    expect(
      problemsOf({
        tadoru: 1,
        upsert: {
          flows: [{ ...flow, to: 7, basis: 'CONSENTED', validFrom: '2020-02-01', validTo: '2020-01-01' }],
          organizations: [{ id: 'broker', name: 'Broker', country: 'XX' }],
          systems: [{ id: 'db', name: 'DB', operator: 'broker', collections: [{ id: 'c1', dataCategories: [], method: 'DIRECT' }] }],
        },
      }),
    ).toEqual([
      'upsert.organizations[0].country: must be an ISO 3166-1 alpha-2 country code (e.g. JP, SG, US), got "XX"',
      'upsert.systems[0].collections[0].dataCategories: must list at least one entry',
      'upsert.flows[0].to: must be an id string (quote it: "7")',
      'upsert.flows[0].basis: must be one of INTERNAL, CONSENT, ENTRUSTMENT, SHARED_USE, SUCCESSION, OPT_OUT, LAW, NOT_PERSONAL',
      'upsert.flows[0].validTo: ends (2020-01-01) before it starts (2020-02-01)',
    ]);
  });

  it('treats a typed input turned into an object (undefined for what was not given) like the document', () => {
    const typed = { tadoru: 1, description: undefined, upsert: { flows: [{ ...flow, recordsKept: undefined, validTo: undefined }], people: undefined }, retire: undefined };
    expect(validateChangeSet(typed)).toEqual(validateChangeSet({ tadoru: 1, upsert: { flows: [flow] } }));
    const broken = { tadoru: 1, upsert: { flows: [{ ...flow, to: undefined, basis: 'X' }] } };
    expect(problemsOf(broken)).toEqual(['upsert.flows[0].to: required', 'upsert.flows[0].basis: must be one of INTERNAL, CONSENT, ENTRUSTMENT, SHARED_USE, SUCCESSION, OPT_OUT, LAW, NOT_PERSONAL']);
  });

  it('leaves references to the map they are applied to', () => {
    expect(problemsOf({ tadoru: 1, upsert: { flows: [flow] } })).toEqual([]);
  });

  it('validates retire entries: ids, ISO dates and required fields', () => {
    expect(
      problemsOf({
        tadoru: 1,
        retire: {
          flows: [{ id: 'f', on: '2020-02-30' }, { on: '2020-01-01' }, 'f2'],
          derivations: [{ id: 'bad id', on: '2020-01-01' }],
          consents: [{ person: 'p', on: '2020-01-01' }],
        },
      }),
    ).toEqual([
      'retire.flows[0].on: must be a date YYYY-MM-DD, got "2020-02-30"',
      'retire.flows[1].id: required',
      'retire.flows[2]: must be a mapping (an object) with id, on',
      'retire.derivations[0].id: "bad id" is not a valid id: use 1-128 characters from A-Z a-z 0-9 . _ : -',
      'retire.consents[0].notice: required',
    ]);
  });

  it('refuses an id given twice inside a section, naming the first place', () => {
    expect(
      problemsOf({
        tadoru: 1,
        upsert: { flows: [flow, flow] },
        retire: { flows: [{ id: 'a', on: '2020-01-01' }, { id: 'a', on: '2020-02-01' }], consents: [{ person: 'p', notice: 'n', on: '2020-01-01' }, { person: 'p', notice: 'n', on: '2020-01-02' }] },
        remove: { purposes: ['x', 'x'] },
      }),
    ).toEqual([
      'upsert.flows[1].id: duplicate id "k9-new": already defined at upsert.flows[0].id',
      'retire.flows[1].id: flow "a" is listed twice: already at retire.flows[0].id',
      'retire.consents[1].person: the consent of "p" to notice "n" is listed twice: already at retire.consents[0].person',
      'remove.purposes[1]: purpose "x" is listed twice: already at remove.purposes[0]',
    ]);
  });

  it('lets several consents of one person be retired at once', () => {
    expect(problemsOf({ tadoru: 1, retire: { consents: [{ person: 'p', notice: 'n1', on: '2020-01-01' }, { person: 'p', notice: 'n2', on: '2020-01-01' }] } })).toEqual([]);
  });

  it('refuses an element named in two of upsert, retire and remove, naming both paths', () => {
    expect(
      problemsOf({
        tadoru: 1,
        upsert: { flows: [flow], people: [{ id: 'p', subject: 's' }] },
        retire: { flows: [{ id: 'k9-new', on: '2020-01-01' }], consents: [{ person: 'p', notice: 'n', on: '2020-01-01' }] },
        remove: { flows: ['k9-new'], purposes: ['k9-new'] },
      }),
    ).toEqual([
      'retire.flows[0].id: flow "k9-new" is also in upsert.flows[0]: an element may appear in only one of upsert, retire and remove',
      'retire.consents[0].person: people entry "p" is also in upsert.people[0]: an element may appear in only one of upsert, retire and remove',
      'remove.flows[0]: flow "k9-new" is also in upsert.flows[0]: an element may appear in only one of upsert, retire and remove',
    ]);
  });

  it('refuses an empty change set', () => {
    const message = '(root): the change set changes nothing: give at least one entry under upsert, retire or remove';
    expect(problemsOf({ tadoru: 1 })).toEqual([message]);
    expect(problemsOf({ tadoru: 1, description: 'nothing', upsert: { flows: [] }, retire: {}, remove: null })).toEqual([message]);
  });

  it('checks the description and the parts type', () => {
    expect(problemsOf({ tadoru: 1, description: 3, upsert: [], remove: { flows: 'f' } })).toEqual([
      'description: must be a string',
      'upsert: must be a mapping of sections (groups, organizations, subjects, dataCategories, purposes, notices, systems, flows, derivations, people) to lists',
      'remove.flows: must be a list',
      '(root): the change set changes nothing: give at least one entry under upsert, retire or remove',
    ]);
  });
});
