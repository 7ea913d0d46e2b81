import { BASES, COLLECTION_METHODS, DATA_CLASSES, ROLES, Section } from '../model/data-map';

/** What a reference may point at. `organizationOrGroup` is for shared-use `users`. */
export type RefTarget = Section | 'collections' | 'organizationOrGroup';

/**
 * A declarative description of every key the format allows, so that the validator can report
 * unknown keys, wrong types and dangling references with the same code for every section.
 */
export type FieldSpec =
  | { kind: 'id' }
  | { kind: 'string'; required?: boolean; maxLength?: number }
  | { kind: 'ref'; to: RefTarget; required?: boolean }
  | { kind: 'refs'; to: RefTarget; required?: boolean; nonEmpty?: boolean }
  | { kind: 'enum'; values: readonly string[]; required?: boolean }
  | { kind: 'enums'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'nullableBoolean' }
  | { kind: 'date'; required?: boolean }
  | { kind: 'nullableDate' }
  | { kind: 'country'; required?: boolean }
  | { kind: 'countries' }
  | { kind: 'count' }
  | { kind: 'object'; fields: EntrySpec }
  | { kind: 'list'; fields: EntrySpec; idSection?: 'collections' };

export type EntrySpec = Record<string, FieldSpec>;

const NAME = { kind: 'string', required: true, maxLength: 512 } as const;

export const PROVISION_SPEC: EntrySpec = {
  recipients: { kind: 'refs', to: 'organizations' },
  recipientRoles: { kind: 'enums', values: ROLES },
  dataCategories: { kind: 'refs', to: 'dataCategories' },
  purposes: { kind: 'refs', to: 'purposes' },
  countries: { kind: 'countries' },
};

export const SHARED_USE_SPEC: EntrySpec = {
  users: { kind: 'refs', to: 'organizationOrGroup' },
  dataCategories: { kind: 'refs', to: 'dataCategories' },
  purposes: { kind: 'refs', to: 'purposes' },
  manager: { kind: 'ref', to: 'organizations' },
};

export const COLLECTION_SPEC: EntrySpec = {
  id: { kind: 'id' },
  dataCategories: { kind: 'refs', to: 'dataCategories', required: true, nonEmpty: true },
  method: { kind: 'enum', values: COLLECTION_METHODS, required: true },
  purposes: { kind: 'refs', to: 'purposes' },
  notice: { kind: 'ref', to: 'notices' },
  consent: { kind: 'boolean' },
};

export const CONSENT_SPEC: EntrySpec = {
  notice: { kind: 'ref', to: 'notices', required: true },
  at: { kind: 'date', required: true },
  withdrawnAt: { kind: 'nullableDate' },
};

export const SECTION_SPECS: Record<Section, EntrySpec> = {
  groups: { id: { kind: 'id' }, name: NAME },
  organizations: {
    id: { kind: 'id' },
    name: NAME,
    nameJa: { kind: 'string', maxLength: 512 },
    country: { kind: 'country', required: true },
    group: { kind: 'ref', to: 'groups' },
    roles: { kind: 'enums', values: ROLES },
    optOutFiled: { kind: 'boolean' },
  },
  subjects: { id: { kind: 'id' }, name: NAME, jobSeeker: { kind: 'boolean' } },
  dataCategories: {
    id: { kind: 'id' },
    name: NAME,
    subject: { kind: 'ref', to: 'subjects', required: true },
    class: { kind: 'enum', values: DATA_CLASSES, required: true },
    linkKey: { kind: 'boolean' },
    profiling: { kind: 'boolean' },
  },
  purposes: { id: { kind: 'id' }, name: NAME },
  notices: {
    id: { kind: 'id' },
    organization: { kind: 'ref', to: 'organizations', required: true },
    publishedAt: { kind: 'date', required: true },
    purposes: { kind: 'refs', to: 'purposes' },
    provisions: { kind: 'list', fields: PROVISION_SPEC },
    sharedUse: { kind: 'object', fields: SHARED_USE_SPEC },
  },
  systems: {
    id: { kind: 'id' },
    name: NAME,
    operator: { kind: 'ref', to: 'organizations', required: true },
    country: { kind: 'country' },
    collections: { kind: 'list', fields: COLLECTION_SPEC, idSection: 'collections' },
  },
  flows: {
    id: { kind: 'id' },
    from: { kind: 'ref', to: 'systems', required: true },
    to: { kind: 'ref', to: 'systems', required: true },
    dataCategories: { kind: 'refs', to: 'dataCategories', required: true, nonEmpty: true },
    purposes: { kind: 'refs', to: 'purposes' },
    basis: { kind: 'enum', values: BASES, required: true },
    notice: { kind: 'ref', to: 'notices' },
    recordsKept: { kind: 'boolean' },
    recipientCanIdentify: { kind: 'nullableBoolean' },
    equivalentMeasures: { kind: 'boolean' },
    validFrom: { kind: 'date' },
    validTo: { kind: 'date' },
  },
  derivations: {
    id: { kind: 'id' },
    system: { kind: 'ref', to: 'systems', required: true },
    inputs: { kind: 'refs', to: 'dataCategories', required: true, nonEmpty: true },
    outputs: { kind: 'refs', to: 'dataCategories', required: true, nonEmpty: true },
    purposes: { kind: 'refs', to: 'purposes' },
    validFrom: { kind: 'date' },
    validTo: { kind: 'date' },
  },
  people: {
    id: { kind: 'id' },
    subject: { kind: 'ref', to: 'subjects', required: true },
    count: { kind: 'count' },
    since: { kind: 'date' },
    uses: { kind: 'refs', to: 'systems' },
    consents: { kind: 'list', fields: CONSENT_SPEC },
  },
};

/** Singular names for messages: `unknown system "dmp"`. */
export const REF_NOUN: Record<RefTarget, string> = {
  groups: 'group',
  organizations: 'organization',
  subjects: 'subject',
  dataCategories: 'data category',
  purposes: 'purpose',
  notices: 'notice',
  systems: 'system',
  flows: 'flow',
  derivations: 'derivation',
  people: 'people entry',
  collections: 'collection',
  organizationOrGroup: 'organization or group',
};
