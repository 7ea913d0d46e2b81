import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { REQUIRES_METADATA, Role, ROLES } from '@tadoru/auth';
import { serializeMap } from '@tadoru/map';
import { smallMap } from '../fixtures/small-map';
import { codesOf, createTestApi, createTestKey, gql, GqlResponse } from '../support/test-api';
import { uniqueMapName } from '../support/test-database';

/**
 * The role × operation matrix, generated from the schema: every field of Query, Mutation and
 * DataMap must be in EXPECTED (the test fails for a field that is not, so a new operation is added
 * here with the roles that may use it), and for every role and operation a minimal request is sent
 * with a key of that role: an allowed one may fail in any way but FORBIDDEN/UNAUTHENTICATED
 * (NOT_FOUND, BAD_USER_INPUT… are allowed), a refused one must fail with FORBIDDEN.
 *
 * To add an operation: one line, `fieldName: [roles that may]` (or `{ roles, args }` when the
 * generated arguments would do something lasting for an allowed role, e.g. create a key).
 */
const { ADMIN, ARCHITECT, DPO, AUDITOR } = Role;
const EVERYONE = [ADMIN, ARCHITECT, DPO, AUDITOR];

type Expectation = readonly Role[] | { roles: readonly Role[]; /** GraphQL argument text instead of the generated required arguments. */ args?: string };

const EXPECTED: Record<'Query' | 'Mutation' | 'DataMap', Record<string, Expectation>> = {
  Query: {
    maps: EVERYONE,
    map: EVERYONE,
    rules: EVERYONE,
    viewer: EVERYONE,
    apiKeys: [ADMIN],
    changes: [ADMIN, AUDITOR, DPO],
    compareVersions: [ADMIN, AUDITOR, DPO],
    changeRequests: [ADMIN, ARCHITECT, DPO],
    changeRequest: [ADMIN, ARCHITECT, DPO],
    // of a map that does not exist: an allowed caller gets NOT_FOUND, nothing is built
    report: { roles: [ADMIN, AUDITOR, DPO], args: 'kind: overview, map: "no-such-map"' },
  },
  Mutation: {
    importMap: [ADMIN, ARCHITECT],
    deleteMap: [ADMIN],
    // an invalid name: an allowed caller gets BAD_USER_INPUT, and no key is made
    createApiKey: { roles: [ADMIN], args: 'name: "not a valid name!", role: AUDITOR' },
    revokeApiKey: [ADMIN],
    // Without a change set an allowed caller gets BAD_USER_INPUT; with an unknown request id NOT_FOUND: nothing is written.
    proposeChange: [ADMIN, ARCHITECT],
    applyChange: [ADMIN, ARCHITECT],
    submitChange: [ADMIN, ARCHITECT],
    approveChange: [ADMIN, DPO],
    rejectChange: [ADMIN, DPO],
  },
  DataMap: {
    // Every field of a map read today (elements, findings, recipients, lineage, person trace) is a map question.
    ...allOf(
      ['name', 'version', 'checksum', 'createdAt', 'importedAt', 'updatedAt', 'sources', 'counts'],
      ['groups', 'organizations', 'subjects', 'dataCategories', 'purposes', 'notices', 'systems', 'collections', 'flows', 'derivations', 'people'],
      ['group', 'organization', 'subject', 'dataCategory', 'purpose', 'notice', 'system', 'collection', 'flow', 'derivation', 'person'],
      ['findings', 'finding', 'recipients', 'lineage', 'personTrace'],
    ),
  },
};

/** The same expectation (every role) for many fields. */
function allOf(...groups: string[][]): Record<string, Expectation> {
  return Object.fromEntries(groups.flat().map((field) => [field, EVERYONE]));
}

interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}
interface IntrospectedField {
  name: string;
  args: Array<{ name: string; type: IntrospectedType; defaultValue: string | null }>;
  type: IntrospectedType;
}
interface FullType {
  name: string;
  kind: string;
  fields: IntrospectedField[] | null;
  inputFields: Array<{ name: string; type: IntrospectedType; defaultValue: string | null }> | null;
  enumValues: Array<{ name: string }> | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECT = `{ __schema { types { name kind enumValues { name } inputFields { name defaultValue type { ${TYPE_REF} } }
  fields { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } } } } }`;

function named(type: IntrospectedType): IntrospectedType {
  return type.ofType ? named(type.ofType) : type;
}

describe('the role × operation matrix (generated from the schema)', () => {
  let app: INestApplication;
  let types: Map<string, FullType>;
  const keys = new Map<Role, string>();
  const mapName = uniqueMapName('matrix');

  /** A value of the type, as GraphQL text: the smallest that passes GraphQL's own coercion. */
  function valueOf(type: IntrospectedType): string {
    if (type.kind === 'NON_NULL') return valueOf(type.ofType as IntrospectedType);
    if (type.kind === 'LIST') return `[${valueOf(type.ofType as IntrospectedType)}]`;
    const full = types.get(type.name as string) as FullType;
    if (full.kind === 'ENUM') return (full.enumValues as Array<{ name: string }>)[0].name;
    if (full.kind === 'INPUT_OBJECT') {
      const required = (full.inputFields ?? []).filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue === null);
      return `{ ${required.map((f) => `${f.name}: ${valueOf(f.type)}`).join(', ')} }`;
    }
    switch (full.name) {
      case 'Int':
      case 'Float':
        return '1';
      case 'Boolean':
        return 'false';
      default:
        return '"matrix-nothing"';
    }
  }

  function call(field: IntrospectedField, expectation: Expectation): string {
    const override = 'roles' in expectation ? expectation.args : undefined;
    const required = field.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null);
    const args = override ?? required.map((a) => `${a.name}: ${valueOf(a.type)}`).join(', ');
    const kind = types.get(named(field.type).name as string)?.kind;
    const selection = kind === 'OBJECT' || kind === 'INTERFACE' || kind === 'UNION' ? ' { __typename }' : '';
    return `${field.name}${args ? `(${args})` : ''}${selection}`;
  }

  function requestFor(parent: keyof typeof EXPECTED, field: IntrospectedField, expectation: Expectation): { query: string; variables: Record<string, unknown> } {
    if (parent === 'DataMap') return { query: `query($map: String!) { map(name: $map) { ${call(field, expectation)} } }`, variables: { map: mapName } };
    return { query: `${parent === 'Mutation' ? 'mutation' : 'query'} { ${call(field, expectation)} }`, variables: {} };
  }

  beforeAll(async () => {
    app = await createTestApi({ loopbackAccess: 'off' });
    for (const role of ROLES) keys.set(role, await createTestKey(app, uniqueMapName(`matrix-${role.toLowerCase()}`), role));
    const admin = keys.get(ADMIN) as string;
    const imported = await gql(app, 'mutation($input: ImportMapInput!) { importMap(input: $input) { created } }', { input: { content: serializeMap(smallMap(mapName)) } }, { key: admin });
    expect(imported.errors).toBeUndefined();
    const schema = await gql(app, INTROSPECT, {}, { key: admin });
    types = new Map((schema.data.__schema.types as FullType[]).map((t) => [t.name, t]));
  });
  afterAll(() => app.close());

  it('has an expectation for every field of Query, Mutation and DataMap, and none for a field that is gone', () => {
    for (const parent of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
      const fields = (types.get(parent)?.fields ?? []).map((f) => f.name).sort();
      const missing = fields.filter((f) => !(f in EXPECTED[parent]));
      const stale = Object.keys(EXPECTED[parent]).filter((f) => !fields.includes(f));
      expect({ parent, missing, stale }).toEqual({ parent, missing: [], stale: [] });
    }
  });

  const cells: Array<[string, string, Role]> = [];
  for (const parent of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) for (const field of Object.keys(EXPECTED[parent])) for (const role of ROLES) cells.push([parent, field, role]);

  it.each(cells)('%s.%s as %s', async (parent, fieldName, role) => {
    const field = (types.get(parent)?.fields ?? []).find((f) => f.name === fieldName);
    if (!field) return; // reported by the completeness test above
    const expectation = EXPECTED[parent as keyof typeof EXPECTED][fieldName];
    const allowed = ('roles' in expectation ? expectation.roles : expectation) as readonly Role[];
    const { query, variables } = requestFor(parent as keyof typeof EXPECTED, field, expectation);
    const res: GqlResponse = await gql(app, query, variables, { key: keys.get(role) });
    const codes = codesOf(res);
    expect(codes).not.toContain('UNAUTHENTICATED');
    expect(codes).not.toContain('GRAPHQL_VALIDATION_FAILED'); // the generated request itself must be valid
    if (allowed.includes(role)) {
      expect({ query, codes: codes.filter((c) => c === 'FORBIDDEN') }).toEqual({ query, codes: [] });
    } else {
      expect({ query, codes }).toEqual({ query, codes: ['FORBIDDEN'] });
      expect(res.errors?.[0].message).toContain(`has role ${role}`);
    }
  });

  it('refuses every operation without a key (loopback access off) with UNAUTHENTICATED', async () => {
    for (const parent of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
      for (const field of types.get(parent)?.fields ?? []) {
        const { query, variables } = requestFor(parent, field, EXPECTED[parent][field.name] ?? EVERYONE);
        expect({ query, codes: codesOf(await gql(app, query, variables)) }).toEqual({ query, codes: ['UNAUTHENTICATED'] });
      }
    }
  });

  it('finds a permission declared for every resolver method of the app (so no field is refused to all by a forgotten decorator)', () => {
    const undeclared: string[] = [];
    let checked = 0;
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (typeof type !== 'function' || !Reflect.getMetadata('graphql:resolver_type', type)) continue;
        const proto = type.prototype as Record<string, unknown>;
        for (const method of Object.getOwnPropertyNames(proto)) {
          const fn = proto[method];
          if (method === 'constructor' || typeof fn !== 'function') continue;
          const isResolver = Reflect.getMetadata('graphql:resolver_name', fn) !== undefined || Reflect.getMetadata('graphql:resolve_property', fn) !== undefined;
          if (!isResolver) continue;
          checked++;
          // a mutation must declare its own (a class-level declaration does not reach it)
          const own = Reflect.getMetadata(REQUIRES_METADATA, fn) !== undefined;
          const mutation = Reflect.getMetadata('graphql:resolver_type', fn) === 'Mutation';
          if (!own && (mutation || Reflect.getMetadata(REQUIRES_METADATA, type) === undefined)) undeclared.push(`${type.name}.${method}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(undeclared).toEqual([]);
  });
});
