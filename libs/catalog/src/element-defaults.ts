import { Element, ElementKind } from './catalog.types';

/** The format's defaults, so that readers see effective values where the author left a field out. */
const DEFAULTS: Partial<Record<ElementKind, Record<string, unknown>>> = {
  organizations: { roles: [], optOutFiled: false },
  subjects: { jobSeeker: false },
  dataCategories: { linkKey: false, profiling: false },
  notices: { purposes: [] },
  provisions: { recipients: [], recipientRoles: [], dataCategories: [], purposes: [], countries: [] },
  sharedUses: { users: [], dataCategories: [], purposes: [] },
  collections: { purposes: [], consent: false },
  flows: { purposes: [], recordsKept: false, equivalentMeasures: false, recipientCanIdentify: null },
  derivations: { purposes: [] },
  people: { uses: [] },
  consents: { withdrawnAt: null },
};

export function withDefaults(kind: ElementKind, element: Element): Element {
  const out: Element = { ...(DEFAULTS[kind] ?? {}), ...element };
  if (kind === 'systems') out.country = element.location ?? element.country;
  if (kind === 'people') out.count = element.headcount ?? element.count ?? 1;
  return out;
}
