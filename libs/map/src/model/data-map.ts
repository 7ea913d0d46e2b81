/**
 * The data map, format version 1 (shared/spec/data-map.md), after validation.
 * Optional fields stay optional so that an exported map says exactly what its author wrote;
 * defaults are applied where the graph needs an effective value (see `effective*` helpers).
 */
export const FORMAT_VERSION = 1;

export const ROLES = [
  'JOB_INFORMATION_PROVIDER',
  'JOB_PLACEMENT_AGENCY',
  'EMPLOYER',
  'AD_PLATFORM',
  'DATA_BROKER',
  'PROCESSOR',
  'PUBLIC_AUTHORITY',
] as const;
export type Role = (typeof ROLES)[number];

export const DATA_CLASSES = ['PERSONAL', 'SPECIAL_CARE', 'PERSONALLY_REFERABLE', 'PSEUDONYMIZED', 'ANONYMIZED', 'STATISTICAL'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const COLLECTION_METHODS = ['DIRECT', 'AUTOMATIC', 'THIRD_PARTY', 'PUBLIC'] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

export const BASES = ['INTERNAL', 'CONSENT', 'ENTRUSTMENT', 'SHARED_USE', 'SUCCESSION', 'OPT_OUT', 'LAW', 'NOT_PERSONAL'] as const;
export type Basis = (typeof BASES)[number];

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Group {
  id: string;
  name: string;
}

export interface Organization {
  id: string;
  name: string;
  nameJa?: string;
  country: string;
  group?: string;
  roles?: Role[];
  optOutFiled?: boolean;
}

export interface Subject {
  id: string;
  name: string;
  jobSeeker?: boolean;
}

export interface DataCategory {
  id: string;
  name: string;
  subject: string;
  class: DataClass;
  linkKey?: boolean;
  profiling?: boolean;
}

export interface Purpose {
  id: string;
  name: string;
}

export interface Provision {
  recipients?: string[];
  recipientRoles?: Role[];
  dataCategories?: string[];
  purposes?: string[];
  countries?: string[];
}

export interface SharedUse {
  users?: string[];
  dataCategories?: string[];
  purposes?: string[];
  manager?: string;
}

export interface Notice {
  id: string;
  organization: string;
  publishedAt: IsoDate;
  purposes?: string[];
  provisions?: Provision[];
  sharedUse?: SharedUse;
}

export interface Collection {
  id: string;
  dataCategories: string[];
  method: CollectionMethod;
  purposes?: string[];
  notice?: string;
  consent?: boolean;
}

export interface System {
  id: string;
  name: string;
  operator: string;
  country?: string;
  collections?: Collection[];
}

export interface Flow {
  id: string;
  from: string;
  to: string;
  dataCategories: string[];
  purposes?: string[];
  basis: Basis;
  notice?: string;
  recordsKept?: boolean;
  /** `null` (or absent) leaves the question to inference; see rules.md APPI-31-1. */
  recipientCanIdentify?: boolean | null;
  equivalentMeasures?: boolean;
  validFrom?: IsoDate;
  validTo?: IsoDate;
}

export interface Derivation {
  id: string;
  system: string;
  inputs: string[];
  outputs: string[];
  purposes?: string[];
  validFrom?: IsoDate;
  validTo?: IsoDate;
}

export interface Consent {
  notice: string;
  at: IsoDate;
  withdrawnAt?: IsoDate | null;
}

export interface People {
  id: string;
  subject: string;
  count?: number;
  since?: IsoDate;
  uses?: string[];
  consents?: Consent[];
}

export interface DataMap {
  tadoru: typeof FORMAT_VERSION;
  map?: string;
  groups?: Group[];
  organizations?: Organization[];
  subjects?: Subject[];
  dataCategories?: DataCategory[];
  purposes?: Purpose[];
  notices?: Notice[];
  systems?: System[];
  flows?: Flow[];
  derivations?: Derivation[];
  people?: People[];
}

/** The sections of a map in the order they are written and read. */
export const SECTIONS = [
  'groups',
  'organizations',
  'subjects',
  'dataCategories',
  'purposes',
  'notices',
  'systems',
  'flows',
  'derivations',
  'people',
] as const;
export type Section = (typeof SECTIONS)[number];
