import { MapSnapshot } from '@tadoru/graph';
import { Collection, Consent, DataCategory, Derivation, Flow, Group, Notice, Organization, People, Provision, Purpose, Role, SharedUse, Subject, System } from '@tadoru/map';

/** What every element read from the graph carries besides its own fields. */
export interface StoredElement {
  id: string;
  /** The name of the map it belongs to. */
  map: string;
  /** The map version it was read from: whatever is read about it next comes from the same version. */
  snapshot: MapSnapshot;
  /** Its position in its section of the map (map order). */
  seq: number;
}

/*
 * The typed read model: each element as stored, with the format's defaults applied (so readers see
 * effective values where the author left a field out) and the values derived at import.
 */
export type GroupRow = StoredElement & Group;
export type OrganizationRow = StoredElement & Organization & { roles: Role[]; optOutFiled: boolean };
export type SubjectRow = StoredElement & Subject & { jobSeeker: boolean };
export type DataCategoryRow = StoredElement & DataCategory & { linkKey: boolean; profiling: boolean };
export type PurposeRow = StoredElement & Purpose;
export type NoticeRow = StoredElement & Omit<Notice, 'provisions' | 'sharedUse'> & { purposes: string[] };
export type ProvisionRow = StoredElement & Required<Provision> & { notice: string };
export type SharedUseRow = StoredElement & SharedUse & { users: string[]; dataCategories: string[]; purposes: string[]; notice: string };
/** `country` is where it runs: its own country, else its operator's. */
export type SystemRow = StoredElement & Omit<System, 'collections'> & { country: string };
export type CollectionRow = StoredElement & Collection & { system: string; purposes: string[]; consent: boolean };
/** `sender`/`recipient`: the operators of `from`/`to`; `recipientCountry`: where `to` runs. */
export type FlowRow = StoredElement &
  Flow & {
    purposes: string[];
    recordsKept: boolean;
    equivalentMeasures: boolean;
    recipientCanIdentify: boolean | null;
    sender: string;
    recipient: string;
    crossOrganization: boolean;
    recipientCountry: string | null;
  };
/** `organization`: the operator of its system. */
export type DerivationRow = StoredElement & Derivation & { purposes: string[]; organization: string };
export type PeopleRow = StoredElement & Omit<People, 'consents'> & { count: number; uses: string[] };
export type ConsentRow = StoredElement & Consent & { people: string; withdrawnAt: string | null };

export interface ElementRows {
  groups: GroupRow;
  organizations: OrganizationRow;
  subjects: SubjectRow;
  dataCategories: DataCategoryRow;
  purposes: PurposeRow;
  notices: NoticeRow;
  provisions: ProvisionRow;
  sharedUses: SharedUseRow;
  systems: SystemRow;
  collections: CollectionRow;
  flows: FlowRow;
  derivations: DerivationRow;
  people: PeopleRow;
  consents: ConsentRow;
}
