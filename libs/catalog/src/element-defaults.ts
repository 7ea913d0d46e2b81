import { MapSnapshot } from '@tadoru/graph';
import { ElementKind } from './catalog.types';
import { ElementRows } from './element-rows';

/** The format's defaults, so that readers see effective values where the author left a field out. */
const DEFAULTS: Partial<Record<ElementKind, Record<string, unknown>>> = {
  organizations: { roles: [], optOutFiled: false },
  subjects: { jobSeeker: false },
  dataCategories: { linkKey: false, profiling: false },
  notices: { purposes: [] },
  provisions: { recipients: [], recipientRoles: [], dataCategories: [], purposes: [], countries: [] },
  sharedUses: { users: [], dataCategories: [], purposes: [] },
  collections: { purposes: [], consent: false },
  flows: { purposes: [], recordsKept: false, equivalentMeasures: false, recipientCanIdentify: null, recipientCountry: null },
  derivations: { purposes: [] },
  people: { uses: [] },
  consents: { withdrawnAt: null },
};

/** A stored node's properties as the typed row of its kind, read from `snapshot`. */
export function toElementRow<K extends ElementKind>(kind: K, snapshot: MapSnapshot, stored: Record<string, unknown>): ElementRows[K] {
  const row: Record<string, unknown> = { ...(DEFAULTS[kind] ?? {}), ...stored, map: snapshot.name, snapshot };
  if (kind === 'systems') {
    row.country = stored.location ?? stored.country;
    delete row.location;
  }
  if (kind === 'people') {
    row.count = stored.headcount ?? stored.count ?? 1;
    delete row.headcount;
  }
  return row as unknown as ElementRows[K];
}
