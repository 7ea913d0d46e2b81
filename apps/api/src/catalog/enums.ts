import { registerEnumType } from '@nestjs/graphql';
import { BASES, COLLECTION_METHODS, DATA_CLASSES, ROLES } from '@tadoru/map';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const Role = asEnum(ROLES);
export const DataClass = asEnum(DATA_CLASSES);
export const CollectionMethod = asEnum(COLLECTION_METHODS);
export const Basis = asEnum(BASES);

registerEnumType(Role, { name: 'Role', description: 'What an organization is in the recruiting and data market.' });
registerEnumType(DataClass, { name: 'DataClass', description: 'The APPI class of a data category.' });
registerEnumType(CollectionMethod, { name: 'CollectionMethod', description: 'How data enters a system from the data subject.' });
registerEnumType(Basis, { name: 'Basis', description: 'The legal basis a flow claims (APPI 27).' });
