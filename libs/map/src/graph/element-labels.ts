/** The node label of each kind of map element, nested ones included. */
export const ELEMENT_LABELS = {
  groups: 'Group',
  organizations: 'Organization',
  subjects: 'Subject',
  dataCategories: 'DataCategory',
  purposes: 'Purpose',
  notices: 'Notice',
  systems: 'System',
  collections: 'Collection',
  flows: 'Flow',
  derivations: 'Derivation',
  people: 'People',
  consents: 'Consent',
  provisions: 'Provision',
  sharedUses: 'SharedUse',
} as const;
