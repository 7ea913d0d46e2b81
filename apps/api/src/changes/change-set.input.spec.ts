import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { INestApplication } from '@nestjs/common';
import { Args, GraphQLModule, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLSchema,
  GraphQLScalarType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  parse,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { EntrySpec, FieldSpec, SECTION_SPECS, SECTIONS, Section } from '@tadoru/map';
import { apiValidationPipe } from '../api.factory';
import { API_RESOLVERS } from '../api.module';
import { changeSetDocument } from './change-set-document';
import { ChangeSetInput } from './change-set.input';

/**
 * Scratch proof that the change set inputs are valid GraphQL and mirror the map format. The
 * throwaway resolver below is registered only in this test's own modules (the real mutations are
 * wired elsewhere).
 */
@Resolver()
class ChangeSetInputCheckResolver {
  @Query(() => String, { description: 'The document the typed change set stands for, as JSON.' })
  changeSetDocumentCheck(@Args('change', { type: () => ChangeSetInput }) change: ChangeSetInput): string {
    return JSON.stringify(changeSetDocument(change));
  }
}


const ENTRY_INPUTS: Record<Section, string> = {
  groups: 'GroupInput',
  organizations: 'OrganizationInput',
  subjects: 'SubjectInput',
  dataCategories: 'DataCategoryInput',
  purposes: 'PurposeInput',
  notices: 'NoticeInput',
  systems: 'SystemInput',
  flows: 'FlowInput',
  derivations: 'DerivationInput',
  people: 'PeopleInput',
};
const NESTED_INPUTS: Record<string, string> = {
  provisions: 'ProvisionInput',
  sharedUse: 'SharedUseInput',
  collections: 'CollectionInput',
  consents: 'ConsentInput',
};
const NEW_TYPES = ['ChangeSetInput', 'ChangeSetUpsertInput', 'ChangeSetRetireInput', 'ChangeSetRemoveInput', 'RetireByIdInput', 'RetireConsentInput'];

const required = (spec: FieldSpec) => spec.kind === 'id' || ('required' in spec && spec.required === true);

/** The GraphQL type a field of the given spec must have, as SDL. */
function expectedType(key: string, spec: FieldSpec): string {
  const base = ((): string => {
    switch (spec.kind) {
      case 'boolean':
      case 'nullableBoolean':
        return 'Boolean';
      case 'count':
        return 'Int';
      case 'refs':
      case 'countries':
        return '[String!]';
      case 'enum':
      case 'enums': {
        const name = spec.values.includes('DATA_BROKER') ? 'Role' : spec.values.includes('SPECIAL_CARE') ? 'DataClass' : spec.values.includes('THIRD_PARTY') ? 'CollectionMethod' : 'Basis';
        return spec.kind === 'enums' ? `[${name}!]` : name;
      }
      case 'object':
        return NESTED_INPUTS[key];
      case 'list':
        return `[${NESTED_INPUTS[key]}!]`;
      default:
        return 'String';
    }
  })();
  return required(spec) ? `${base}!` : base;
}

/** Checks that an input type has exactly the fields of an entry spec, with the types and nullability the format gives them. */
function expectMirrors(schema: GraphQLSchema, typeName: string, spec: EntrySpec): void {
  const type = schema.getType(typeName);
  expect(isInputObjectType(type)).toBe(true);
  const fields = (type as GraphQLInputObjectType).getFields();
  expect(Object.keys(fields).sort()).toEqual(Object.keys(spec).sort());
  for (const [key, fieldSpec] of Object.entries(spec)) {
    expect({ field: `${typeName}.${key}`, type: String(fields[key].type) }).toEqual({ field: `${typeName}.${key}`, type: expectedType(key, fieldSpec) });
    expect(fields[key].description).toBeTruthy();
    if (fieldSpec.kind === 'enum' || fieldSpec.kind === 'enums') {
      expect((getNamedType(fields[key].type) as GraphQLEnumType).getValues().map((v) => v.value)).toEqual([...fieldSpec.values]);
    }
    if (fieldSpec.kind === 'object' || fieldSpec.kind === 'list') expectMirrors(schema, NESTED_INPUTS[key], fieldSpec.fields);
  }
}

function fieldTypes(schema: GraphQLSchema, typeName: string): Record<string, string> {
  const fields = (schema.getType(typeName) as GraphQLInputObjectType).getFields();
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, String(field.type)]));
}

describe('ChangeSetInput as GraphQL', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    await moduleRef.init();
    schema = await moduleRef.get(GraphQLSchemaFactory).create([...API_RESOLVERS, ChangeSetInputCheckResolver]);
    await moduleRef.close();
  });

  it('generates a schema with the existing types and the change set inputs, no name clashing', () => {
    // The committed schema has these inputs too: a clash would be with a type of another kind (an output type or enum of that name).
    const existing = [...readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8').matchAll(/^(?:type|enum|scalar|interface|union) (\w+)/gm)].map((m) => m[1]);
    const inputs = [...NEW_TYPES, ...Object.values(ENTRY_INPUTS), ...Object.values(NESTED_INPUTS)];
    expect(existing).toEqual(expect.arrayContaining(['Organization', 'Flow', 'Consent', 'Role', 'Basis']));
    expect(inputs.filter((name) => existing.includes(name))).toEqual([]);
    for (const name of existing) expect({ name, defined: schema.getType(name) !== undefined }).toEqual({ name, defined: true });
    for (const name of inputs) expect({ name, input: isInputObjectType(schema.getType(name)) }).toEqual({ name, input: true });
    expect(String(schema.getQueryType()!.getFields().changeSetDocumentCheck.args[0].type)).toBe('ChangeSetInput!');
  });

  it('has the shape of the change set document', () => {
    expect(fieldTypes(schema, 'ChangeSetInput')).toEqual({
      description: 'String',
      upsert: 'ChangeSetUpsertInput',
      retire: 'ChangeSetRetireInput',
      remove: 'ChangeSetRemoveInput',
    });
    expect(fieldTypes(schema, 'ChangeSetUpsertInput')).toEqual(Object.fromEntries(SECTIONS.map((s) => [s, `[${ENTRY_INPUTS[s]}!]`])));
    expect(fieldTypes(schema, 'ChangeSetRemoveInput')).toEqual(Object.fromEntries(SECTIONS.map((s) => [s, '[String!]'])));
    expect(fieldTypes(schema, 'ChangeSetRetireInput')).toEqual({ flows: '[RetireByIdInput!]', derivations: '[RetireByIdInput!]', consents: '[RetireConsentInput!]' });
    expect(fieldTypes(schema, 'RetireByIdInput')).toEqual({ id: 'String!', on: 'String!' });
    expect(fieldTypes(schema, 'RetireConsentInput')).toEqual({ person: 'String!', notice: 'String!', on: 'String!' });
    for (const name of NEW_TYPES) {
      const type = schema.getType(name) as GraphQLInputObjectType;
      expect(type.description).toBeTruthy();
      for (const field of Object.values(type.getFields())) expect({ field: `${name}.${field.name}`, described: !!field.description }).toEqual({ field: `${name}.${field.name}`, described: true });
    }
    const dates = ['RetireByIdInput.on', 'RetireConsentInput.on', 'FlowInput.validFrom', 'FlowInput.validTo', 'NoticeInput.publishedAt', 'ConsentInput.at', 'ConsentInput.withdrawnAt', 'PeopleInput.since'];
    for (const path of dates) {
      const [typeName, field] = path.split('.');
      expect({ path, description: (schema.getType(typeName) as GraphQLInputObjectType).getFields()[field].description }).toEqual({ path, description: expect.stringContaining('YYYY-MM-DD') });
    }
  });

  it.each(SECTIONS)('has entries of %s with exactly the fields, types and required ones of data-map.md', (section) => {
    expectMirrors(schema, ENTRY_INPUTS[section], SECTION_SPECS[section]);
  });

  it('uses the registered enums and only the standard scalars', () => {
    const used = new Set<string>();
    const walk = (type: GraphQLInputType, seen: Set<string>) => {
      const named = getNamedType(type);
      if (seen.has(named.name)) return;
      seen.add(named.name);
      if (isInputObjectType(named)) Object.values(named.getFields()).forEach((f) => walk(f.type, seen));
      else used.add(named.name);
    };
    walk(schema.getType('ChangeSetInput') as GraphQLInputObjectType, new Set());
    expect([...used].sort()).toEqual(['Basis', 'Boolean', 'CollectionMethod', 'DataClass', 'Int', 'Role', 'String']);
    for (const name of used) expect(isEnumType(schema.getType(name)) || schema.getType(name) instanceof GraphQLScalarType).toBe(true);
  });
});

describe('ChangeSetInput through a GraphQL request', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, playground: false })],
      providers: [ChangeSetInputCheckResolver],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(apiValidationPipe);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  const ask = (query: string, variables?: Record<string, unknown>) =>
    request(app.getHttpServer()).post('/graphql').send({ query, variables }).expect(200);

  const EXPECTED = {
    tadoru: 1,
    description: 'Deliver decline scores to a new client',
    upsert: {
      organizations: [{ id: 'broker', name: 'Broker KK', country: 'JP', roles: ['DATA_BROKER'] }],
      systems: [{ id: 'broker-db', name: 'Broker list', operator: 'broker' }],
      flows: [
        { id: 'k9-new', from: 'w-app', to: 'broker-db', dataCategories: ['profile'], purposes: ['recruiting'], basis: 'CONSENT', notice: 'n1', recipientCanIdentify: null },
      ],
      people: [{ id: 'p', subject: 'x', consents: [{ notice: 'n1', at: '2020-01-01', withdrawnAt: null }] }],
    },
    retire: {
      flows: [{ id: 'old-feed', on: '2020-01-31' }],
      derivations: [{ id: 'old-model', on: '2020-01-31' }],
      consents: [{ person: 'cohort-a', notice: 'n1', on: '2020-01-31' }],
    },
    remove: { purposes: ['unused-purpose'] },
  };

  it('passes a change given in variables through the global ValidationPipe whole (nothing whitelisted away)', async () => {
    const change = {
      description: 'Deliver decline scores to a new client',
      upsert: {
        organizations: [{ id: 'broker', name: 'Broker KK', country: 'JP', roles: ['DATA_BROKER'], nameJa: null }],
        systems: [{ id: 'broker-db', name: 'Broker list', operator: 'broker', collections: null }],
        flows: [
          { id: 'k9-new', from: 'w-app', to: 'broker-db', dataCategories: ['profile'], purposes: ['recruiting'], basis: 'CONSENT', notice: 'n1', recipientCanIdentify: null, validTo: null },
        ],
        people: [{ id: 'p', subject: 'x', consents: [{ notice: 'n1', at: '2020-01-01', withdrawnAt: null }] }],
        notices: null,
      },
      retire: {
        flows: [{ id: 'old-feed', on: '2020-01-31' }],
        derivations: [{ id: 'old-model', on: '2020-01-31' }],
        consents: [{ person: 'cohort-a', notice: 'n1', on: '2020-01-31' }],
      },
      remove: { purposes: ['unused-purpose'], flows: null },
    };
    const res = await ask('query ($change: ChangeSetInput!) { changeSetDocumentCheck(change: $change) }', { change });
    expect(res.body.errors).toBeUndefined();
    expect(JSON.parse(res.body.data.changeSetDocumentCheck)).toStrictEqual(EXPECTED);
  });

  it('passes a change written inline in the query the same way', async () => {
    const query = `{ changeSetDocumentCheck(change: {
      description: "Deliver decline scores to a new client"
      upsert: {
        organizations: [{id: "broker", name: "Broker KK", country: "JP", roles: [DATA_BROKER]}]
        systems: [{id: "broker-db", name: "Broker list", operator: "broker"}]
        flows: [{id: "k9-new", from: "w-app", to: "broker-db", dataCategories: ["profile"], purposes: ["recruiting"], basis: CONSENT, notice: "n1", recipientCanIdentify: null}]
        people: [{id: "p", subject: "x", consents: [{notice: "n1", at: "2020-01-01", withdrawnAt: null}]}]
      }
      retire: {
        flows: [{id: "old-feed", on: "2020-01-31"}]
        derivations: [{id: "old-model", on: "2020-01-31"}]
        consents: [{person: "cohort-a", notice: "n1", on: "2020-01-31"}]
      }
      remove: {purposes: ["unused-purpose"]}
    }) }`;
    parse(query);
    const res = await ask(query);
    expect(res.body.errors).toBeUndefined();
    expect(JSON.parse(res.body.data.changeSetDocumentCheck)).toStrictEqual(EXPECTED);
  });

  it("leaves values to the domain validator: a bad date or id or an empty list is passed on, not refused", async () => {
    const change = { upsert: { flows: [{ id: 'bad id!', from: 'a', to: 'b', dataCategories: [], basis: 'CONSENT', validFrom: '2020-13-45' }] }, retire: { flows: [{ id: 'f', on: 'yesterday' }] } };
    const res = await ask('query ($change: ChangeSetInput!) { changeSetDocumentCheck(change: $change) }', { change });
    expect(res.body.errors).toBeUndefined();
    expect(JSON.parse(res.body.data.changeSetDocumentCheck)).toStrictEqual({ tadoru: 1, ...change, remove: {} });
  });

  it("refuses only what GraphQL's own type checking refuses (unknown field, wrong enum, missing required field)", async () => {
    const query = 'query ($change: ChangeSetInput!) { changeSetDocumentCheck(change: $change) }';
    const flow = { id: 'f', from: 'a', to: 'b', dataCategories: ['d'], basis: 'CONSENT' };
    for (const bad of [{ ...flow, basis: 'MAYBE' }, { ...flow, colour: 'red' }, { ...flow, to: undefined }]) {
      const res = await request(app.getHttpServer()).post('/graphql').send({ query, variables: { change: { upsert: { flows: [bad] } } } });
      expect(res.body.errors?.[0]?.message).toContain('"change.upsert.flows[0]');
      expect(res.body.data).toBeUndefined();
    }
  });
});
