import { CHANGE_FORMAT_VERSION } from '@tadoru/map';
import { EntrySpec, FieldSpec, SECTION_SPECS, SECTIONS } from '@tadoru/map';
import type { ChangeSetInput } from './change-set.input';

/** The kinds of field whose `null` the map format accepts (and means something: "not set"). */
const NULLABLE_KINDS: ReadonlySet<FieldSpec['kind']> = new Set<FieldSpec['kind']>(['nullableBoolean', 'nullableDate']);

const perSection = (field: (spec: EntrySpec) => FieldSpec): EntrySpec =>
  Object.fromEntries(SECTIONS.map((section) => [section, field(SECTION_SPECS[section])]));

/** The change set document's own keys (changes.md §Change set document), in the order it is written. */
const CHANGE_SET_SPEC: EntrySpec = {
  description: { kind: 'string' },
  upsert: { kind: 'object', fields: perSection((fields) => ({ kind: 'list', fields })) },
  retire: {
    kind: 'object',
    fields: {
      flows: { kind: 'list', fields: { id: { kind: 'id' }, on: { kind: 'date', required: true } } },
      derivations: { kind: 'list', fields: { id: { kind: 'id' }, on: { kind: 'date', required: true } } },
      consents: {
        kind: 'list',
        fields: { person: { kind: 'ref', to: 'people', required: true }, notice: { kind: 'ref', to: 'notices', required: true }, on: { kind: 'date', required: true } },
      },
    },
  },
  remove: { kind: 'object', fields: Object.fromEntries(SECTIONS.map((section) => [section, { kind: 'refs', to: section }])) },
};

/**
 * The change set document (shared/spec/changes.md) that a typed `ChangeSetInput` stands for, as
 * plain objects and arrays, ready for the same validation as a document given as text:
 * `{ tadoru: 1, description?, upsert: {…}, retire: {…}, remove: {…} }`.
 *
 * - A field the client did not give (undefined) is left out.
 * - `null` is kept only where the map format allows it (`recipientCanIdentify`, `withdrawnAt`:
 *   the nullable kinds of map-schema.ts); elsewhere it is left out, as GraphQL clients often send
 *   null for "not given" (and the validator reads a null there as absent anyway).
 * - Lists keep their order, so problem paths (`upsert.flows[0].to`) point at the client's entries.
 * - Keys come in the format's order; a key the format does not know (impossible through GraphQL)
 *   is kept after them, so that the validator reports it.
 */
export function changeSetDocument(input: ChangeSetInput): Record<string, unknown> {
  const { description, upsert = {}, retire = {}, remove = {} } = entry(input ?? {}, CHANGE_SET_SPEC);
  return { tadoru: CHANGE_FORMAT_VERSION, ...(description === undefined ? {} : { description }), upsert, retire, remove };
}

function entry(source: object, fields: EntrySpec): Record<string, unknown> {
  const values = source as Record<string, unknown>;
  const keys = [...Object.keys(fields).filter((key) => has(values, key)), ...Object.keys(values).filter((key) => !has(fields, key))];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = values[key];
    const spec = has(fields, key) ? fields[key] : undefined;
    if (value === undefined) continue;
    if (value === null && !(spec && NULLABLE_KINDS.has(spec.kind))) continue;
    out[key] = plain(value, spec);
  }
  return out;
}

/** A value as plain data: arrays and fresh objects (no class or null prototypes), nested entries by their spec. */
function plain(value: unknown, spec: FieldSpec | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => plain(item, spec));
  if (value !== null && typeof value === 'object') return entry(value, spec && (spec.kind === 'object' || spec.kind === 'list') ? spec.fields : {});
  return value;
}

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
