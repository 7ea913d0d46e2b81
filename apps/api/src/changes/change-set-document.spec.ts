import * as yaml from 'js-yaml';
import type { RetireById, RetireConsent } from '@tadoru/map';
import type * as model from '@tadoru/map';
import { changeSetDocument } from './change-set-document';
import {
  ChangeSetInput,
  ChangeSetRemoveInput,
  ChangeSetRetireInput,
  ChangeSetUpsertInput,
  CollectionInput,
  ConsentInput,
  DataCategoryInput,
  DerivationInput,
  FlowInput,
  GroupInput,
  NoticeInput,
  OrganizationInput,
  PeopleInput,
  ProvisionInput,
  PurposeInput,
  RetireByIdInput,
  RetireConsentInput,
  SharedUseInput,
  SubjectInput,
  SystemInput,
} from './change-set.input';

// Compile-time: every input has exactly the keys of the model entry it mirrors (tsc fails otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: Record<string, true> = {
  groups: true as Same<keyof GroupInput, keyof model.Group>,
  organizations: true as Same<keyof OrganizationInput, keyof model.Organization>,
  subjects: true as Same<keyof SubjectInput, keyof model.Subject>,
  dataCategories: true as Same<keyof DataCategoryInput, keyof model.DataCategory>,
  purposes: true as Same<keyof PurposeInput, keyof model.Purpose>,
  notices: true as Same<keyof NoticeInput, keyof model.Notice>,
  provisions: true as Same<keyof ProvisionInput, keyof model.Provision>,
  sharedUse: true as Same<keyof SharedUseInput, keyof model.SharedUse>,
  systems: true as Same<keyof SystemInput, keyof model.System>,
  collections: true as Same<keyof CollectionInput, keyof model.Collection>,
  flows: true as Same<keyof FlowInput, keyof model.Flow>,
  derivations: true as Same<keyof DerivationInput, keyof model.Derivation>,
  people: true as Same<keyof PeopleInput, keyof model.People>,
  consents: true as Same<keyof ConsentInput, keyof model.Consent>,
  upsert: true as Same<keyof ChangeSetUpsertInput, model.Section>,
  remove: true as Same<keyof ChangeSetRemoveInput, model.Section>,
  retire: true as Same<keyof ChangeSetRetireInput, 'flows' | 'derivations' | 'consents'>,
  retireById: true as Same<keyof RetireByIdInput, keyof RetireById>,
  retireConsent: true as Same<keyof RetireConsentInput, keyof RetireConsent>,
};

/** The example of shared/spec/changes.md §Change set document, verbatim. */
const SPEC_EXAMPLE = `
tadoru: 1                          # format version, required
description: Deliver decline scores to a new client   # optional, kept in the history
upsert:                            # elements added, or replaced whole when the id exists
  organizations:
    - {id: broker, name: Broker KK, country: JP, roles: [DATA_BROKER]}
  systems:
    - {id: broker-db, name: Broker list, operator: broker}
  flows:
    - {id: k9-new, from: w-app, to: broker-db, dataCategories: [profile], purposes: [recruiting], basis: CONSENT, notice: n1}
retire:                            # end a validity without deleting history
  flows:       [{id: old-feed, on: 2020-01-31}]          # sets validTo
  derivations: [{id: old-model, on: 2020-01-31}]
  consents:    [{person: cohort-a, notice: n1, on: 2020-01-31}]   # sets withdrawnAt
remove:                            # delete elements; refused while anything still references them
  purposes: [unused-purpose]
`;

/** As the map parser reads YAML: the core schema, so dates stay strings. */
const parseYaml = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA });

/** Class instances, as the global ValidationPipe's `transform` makes them (or as a resolver might build them). */
function make<T extends object>(type: new () => T, values: Partial<T>): T {
  return Object.assign(new type(), values);
}

function specExampleInput(): ChangeSetInput {
  return make(ChangeSetInput, {
    description: 'Deliver decline scores to a new client',
    upsert: make(ChangeSetUpsertInput, {
      organizations: [make(OrganizationInput, { id: 'broker', name: 'Broker KK', country: 'JP', roles: ['DATA_BROKER'] })],
      systems: [make(SystemInput, { id: 'broker-db', name: 'Broker list', operator: 'broker' })],
      flows: [
        make(FlowInput, {
          id: 'k9-new',
          from: 'w-app',
          to: 'broker-db',
          dataCategories: ['profile'],
          purposes: ['recruiting'],
          basis: 'CONSENT',
          notice: 'n1',
        }),
      ],
    }),
    retire: make(ChangeSetRetireInput, {
      flows: [make(RetireByIdInput, { id: 'old-feed', on: '2020-01-31' })],
      derivations: [make(RetireByIdInput, { id: 'old-model', on: '2020-01-31' })],
      consents: [make(RetireConsentInput, { person: 'cohort-a', notice: 'n1', on: '2020-01-31' })],
    }),
    remove: make(ChangeSetRemoveInput, { purposes: ['unused-purpose'] }),
  });
}

/** Every prototype in a value: only Object.prototype and Array.prototype may be left. */
function prototypes(value: unknown, found = new Set<unknown>()): Set<unknown> {
  if (value !== null && typeof value === 'object') {
    found.add(Object.getPrototypeOf(value));
    Object.values(value).forEach((v) => prototypes(v, found));
  }
  return found;
}

describe('changeSetDocument', () => {
  it('mirrors the model: every input has exactly the keys of its entry', () => {
    expect(Object.values(sameKeys).every((v) => v === true)).toBe(true);
  });

  it("turns the typed input of the spec's example into the document its YAML parses to", () => {
    const document = changeSetDocument(specExampleInput());
    expect(document).toStrictEqual(parseYaml(SPEC_EXAMPLE));
    expect(prototypes(document)).toEqual(new Set([Object.prototype, Array.prototype]));
    expect(JSON.parse(JSON.stringify(document))).toStrictEqual(document);
  });

  it('gives an empty document for an empty input, and for an input of nulls', () => {
    expect(changeSetDocument(new ChangeSetInput())).toStrictEqual({ tadoru: 1, upsert: {}, retire: {}, remove: {} });
    expect(changeSetDocument({})).toStrictEqual({ tadoru: 1, upsert: {}, retire: {}, remove: {} });
    expect(changeSetDocument({ description: null, upsert: null, retire: null, remove: null })).toStrictEqual({
      tadoru: 1,
      upsert: {},
      retire: {},
      remove: {},
    });
    expect(changeSetDocument({ upsert: { flows: null, people: [] }, retire: { consents: null }, remove: { purposes: null, flows: [] } })).toStrictEqual({
      tadoru: 1,
      upsert: { people: [] },
      retire: {},
      remove: { flows: [] },
    });
  });

  it('keeps null where the map format allows it (recipientCanIdentify, withdrawnAt) and drops it elsewhere', () => {
    const document = changeSetDocument({
      upsert: {
        organizations: [{ id: 'o', name: 'O', nameJa: null, country: 'JP', group: null, roles: null, optOutFiled: null }],
        systems: [{ id: 's', name: 'S', operator: 'o', country: null, collections: [{ id: 'c', dataCategories: ['d'], method: 'DIRECT', notice: null, consent: null }] }],
        notices: [{ id: 'n', organization: 'o', publishedAt: '2020-01-01', provisions: [{ recipients: ['o'], countries: null }], sharedUse: null }],
        flows: [
          { id: 'f', from: 's', to: 's', dataCategories: ['d'], basis: 'INTERNAL', notice: null, recipientCanIdentify: null, validFrom: null, validTo: null },
          { id: 'g', from: 's', to: 's', dataCategories: ['d'], basis: 'INTERNAL', recipientCanIdentify: false },
          { id: 'h', from: 's', to: 's', dataCategories: ['d'], basis: 'INTERNAL' },
        ],
        people: [{ id: 'p', subject: 'x', count: null, since: null, consents: [{ notice: 'n', at: '2020-01-02', withdrawnAt: null }, { notice: 'n', at: '2020-01-03' }] }],
      },
    });
    expect(document).toStrictEqual({
      tadoru: 1,
      upsert: {
        organizations: [{ id: 'o', name: 'O', country: 'JP' }],
        notices: [{ id: 'n', organization: 'o', publishedAt: '2020-01-01', provisions: [{ recipients: ['o'] }] }],
        systems: [{ id: 's', name: 'S', operator: 'o', collections: [{ id: 'c', dataCategories: ['d'], method: 'DIRECT' }] }],
        flows: [
          { id: 'f', from: 's', to: 's', dataCategories: ['d'], basis: 'INTERNAL', recipientCanIdentify: null },
          { id: 'g', from: 's', to: 's', dataCategories: ['d'], basis: 'INTERNAL', recipientCanIdentify: false },
          { id: 'h', from: 's', to: 's', dataCategories: ['d'], basis: 'INTERNAL' },
        ],
        people: [{ id: 'p', subject: 'x', consents: [{ notice: 'n', at: '2020-01-02', withdrawnAt: null }, { notice: 'n', at: '2020-01-03' }] }],
      },
      retire: {},
      remove: {},
    });
    expect(document).toStrictEqual(
      parseYaml(`
tadoru: 1
upsert:
  organizations: [{id: o, name: O, country: JP}]
  notices: [{id: n, organization: o, publishedAt: 2020-01-01, provisions: [{recipients: [o]}]}]
  systems: [{id: s, name: S, operator: o, collections: [{id: c, dataCategories: [d], method: DIRECT}]}]
  flows:
    - {id: f, from: s, to: s, dataCategories: [d], basis: INTERNAL, recipientCanIdentify: null}
    - {id: g, from: s, to: s, dataCategories: [d], basis: INTERNAL, recipientCanIdentify: false}
    - {id: h, from: s, to: s, dataCategories: [d], basis: INTERNAL}
  people:
    - id: p
      subject: x
      consents: [{notice: n, at: 2020-01-02, withdrawnAt: null}, {notice: n, at: 2020-01-03}]
retire: {}
remove: {}
`),
    );
  });

  it('keeps the order of every list, so that problem paths point at the same entries', () => {
    const ids = ['z', 'a', 'm', 'b'];
    const document = changeSetDocument({
      upsert: { purposes: ids.map((id) => ({ id, name: id })), derivations: [{ id: 'd', system: 's', inputs: ['c2', 'c1'], outputs: ['c9', 'c3'] }] },
      remove: { groups: ['y', 'x'] },
      retire: { flows: ids.map((id) => ({ id, on: '2020-01-01' })) },
    }) as { upsert: { purposes: { id: string }[]; derivations: model.Derivation[] }; remove: { groups: string[] }; retire: { flows: { id: string }[] } };
    expect(document.upsert.purposes.map((p) => p.id)).toEqual(ids);
    expect(document.upsert.derivations[0]).toStrictEqual({ id: 'd', system: 's', inputs: ['c2', 'c1'], outputs: ['c9', 'c3'] });
    expect(document.remove.groups).toEqual(['y', 'x']);
    expect(document.retire.flows.map((f) => f.id)).toEqual(ids);
  });

  it('makes plain objects of the null-prototype objects graphql-js gives for literal arguments', () => {
    const bare = <T extends object>(values: T): T => Object.assign(Object.create(null) as T, values);
    const input = bare({
      upsert: bare({ groups: [bare({ id: 'g', name: 'G' })] }),
      retire: bare({ derivations: [bare({ id: 'd', on: '2020-01-01' })] }),
    });
    const document = changeSetDocument(input);
    expect(document).toStrictEqual({ tadoru: 1, upsert: { groups: [{ id: 'g', name: 'G' }] }, retire: { derivations: [{ id: 'd', on: '2020-01-01' }] }, remove: {} });
    expect(prototypes(document)).toEqual(new Set([Object.prototype, Array.prototype]));
  });

  it('does not share arrays or objects with the input', () => {
    const input: ChangeSetInput = { upsert: { flows: [{ id: 'f', from: 's', to: 't', dataCategories: ['d'], basis: 'CONSENT' }] }, remove: { flows: ['x'] } };
    const document = changeSetDocument(input) as { upsert: { flows: model.Flow[] }; remove: { flows: string[] } };
    document.upsert.flows[0].dataCategories.push('e');
    document.remove.flows.push('y');
    expect(input.upsert!.flows![0].dataCategories).toEqual(['d']);
    expect(input.remove!.flows).toEqual(['x']);
  });
});
