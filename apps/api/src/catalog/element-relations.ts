import { Type } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionShape } from './connection';
import { Element, ElementKind, Relation } from '@tadoru/catalog';
import { GqlContext } from '../graphql/loaders';
import { Requires } from '@tadoru/auth';
import {
  CollectionConnection,
  CollectionType,
  ConsentConnection,
  ConsentType,
  DataCategoryConnection,
  DataCategoryType,
  DerivationConnection,
  DerivationType,
  FlowConnection,
  FlowType,
  GroupType,
  NoticeConnection,
  NoticeType,
  OrganizationConnection,
  OrganizationType,
  PeopleConnection,
  PeopleType,
  ProvisionType,
  PurposeType,
  SharedUseType,
  SubjectType,
  SystemConnection,
  SystemType,
} from './element.types';
import { RelatedArgs, relatedConnection } from './related-connection';

/**
 * How an element leads to others. Forward references (a flow's sender, a notice's purposes) are ids
 * on the element and go through the per-request element loaders; reverse relations (a system's
 * outgoing flows) through the batched relation loaders, cut at `first` with the total beside them.
 */
type RelationField =
  /** One id field: the element it names (null when the field is empty, if `nullable`). */
  | { field: string; kind: ElementKind; ref: string; returns: () => Type<unknown>; nullable?: boolean; description?: string }
  /** A list of ids: the elements they name, in order. */
  | { field: string; kind: ElementKind; refs: string; returns: () => Type<unknown>; description?: string }
  /** A reverse relation, as a connection cut at `first`. */
  | { field: string; kind: ElementKind; relation: Relation; connection: () => Type<ConnectionShape<unknown>>; description?: string }
  /** A reverse relation, whole (it is short by nature: a notice's provisions), or its first item. */
  | { field: string; kind: ElementKind; relation: Relation; items: () => Type<unknown>; single?: boolean; description?: string };

const RELATIONS_OF: Array<{ type: Type<unknown>; fields: RelationField[] }> = [
  { type: GroupType, fields: [{ field: 'members', kind: 'organizations', relation: 'members-of-groups', connection: () => OrganizationConnection, description: 'Organizations in the group.' }] },
  {
    type: OrganizationType,
    fields: [
      { field: 'group', kind: 'groups', ref: 'group', returns: () => GroupType, nullable: true },
      { field: 'systems', kind: 'systems', relation: 'systems-of-organizations', connection: () => SystemConnection, description: 'Systems it operates.' },
      { field: 'notices', kind: 'notices', relation: 'notices-of-organizations', connection: () => NoticeConnection, description: 'Notices it publishes.' },
      { field: 'flowsOut', kind: 'flows', relation: 'flows-sent-by-organizations', connection: () => FlowConnection, description: 'Flows it sends (it operates the sending system).' },
      { field: 'flowsIn', kind: 'flows', relation: 'flows-received-by-organizations', connection: () => FlowConnection, description: 'Flows it receives (it operates the receiving system).' },
      { field: 'holds', kind: 'dataCategories', relation: 'categories-held-by-organizations', connection: () => DataCategoryConnection, description: 'Data categories it holds: collects, receives or derives.' },
    ],
  },
  {
    type: SubjectType,
    fields: [
      { field: 'dataCategories', kind: 'dataCategories', relation: 'categories-of-subjects', connection: () => DataCategoryConnection },
      { field: 'people', kind: 'people', relation: 'people-of-subjects', connection: () => PeopleConnection },
    ],
  },
  {
    type: DataCategoryType,
    fields: [
      { field: 'subject', kind: 'subjects', ref: 'subject', returns: () => SubjectType, description: 'Whose data it is.' },
      { field: 'holders', kind: 'organizations', relation: 'holders-of-categories', connection: () => OrganizationConnection, description: 'Organizations that hold it: collect it, receive it in a flow, or derive it.' },
      { field: 'flows', kind: 'flows', relation: 'flows-carrying-categories', connection: () => FlowConnection, description: 'Flows that carry it.' },
      { field: 'collections', kind: 'collections', relation: 'collections-of-categories', connection: () => CollectionConnection, description: 'Collections that gather it.' },
      { field: 'usedBy', kind: 'derivations', relation: 'derivations-using-categories', connection: () => DerivationConnection, description: 'Derivations that use it as an input.' },
      { field: 'producedBy', kind: 'derivations', relation: 'derivations-producing-categories', connection: () => DerivationConnection, description: 'Derivations that produce it.' },
    ],
  },
  {
    type: NoticeType,
    fields: [
      { field: 'organization', kind: 'organizations', ref: 'organization', returns: () => OrganizationType, description: 'The organization that publishes it.' },
      { field: 'purposes', kind: 'purposes', refs: 'purposes', returns: () => PurposeType, description: 'Purposes of use it states.' },
      { field: 'provisions', kind: 'provisions', relation: 'provisions-of-notices', items: () => ProvisionType, description: 'Third-party provisions that consent to it covers.' },
      { field: 'sharedUse', kind: 'sharedUses', relation: 'shared-use-of-notices', items: () => SharedUseType, single: true, description: 'Its joint-use declaration, if any.' },
      { field: 'flows', kind: 'flows', relation: 'flows-under-notices', connection: () => FlowConnection, description: 'Flows that rely on it.' },
      { field: 'consents', kind: 'consents', relation: 'consents-to-notices', connection: () => ConsentConnection, description: 'Consents given to it.' },
    ],
  },
  {
    type: ProvisionType,
    fields: [
      { field: 'recipients', kind: 'organizations', refs: 'recipients', returns: () => OrganizationType, description: 'Recipients named in the provision.' },
      { field: 'dataCategories', kind: 'dataCategories', refs: 'dataCategories', returns: () => DataCategoryType },
      { field: 'purposes', kind: 'purposes', refs: 'purposes', returns: () => PurposeType },
    ],
  },
  {
    type: SharedUseType,
    fields: [
      { field: 'users', kind: 'organizations', refs: 'users', returns: () => OrganizationType, description: 'Organizations named as users directly.' },
      { field: 'userGroups', kind: 'groups', refs: 'users', returns: () => GroupType, description: 'Groups named as users (all their members).' },
      { field: 'dataCategories', kind: 'dataCategories', refs: 'dataCategories', returns: () => DataCategoryType },
      { field: 'purposes', kind: 'purposes', refs: 'purposes', returns: () => PurposeType },
      { field: 'manager', kind: 'organizations', ref: 'manager', returns: () => OrganizationType, nullable: true, description: 'The organization responsible; required for a complete declaration.' },
    ],
  },
  {
    type: SystemType,
    fields: [
      { field: 'operator', kind: 'organizations', ref: 'operator', returns: () => OrganizationType },
      { field: 'collections', kind: 'collections', relation: 'collections-of-systems', connection: () => CollectionConnection },
      { field: 'flowsOut', kind: 'flows', relation: 'flows-from-systems', connection: () => FlowConnection, description: 'Flows leaving it.' },
      { field: 'flowsIn', kind: 'flows', relation: 'flows-to-systems', connection: () => FlowConnection, description: 'Flows arriving at it.' },
      { field: 'derivations', kind: 'derivations', relation: 'derivations-in-systems', connection: () => DerivationConnection },
      { field: 'people', kind: 'people', relation: 'people-using-systems', connection: () => PeopleConnection, description: 'People entries whose data it collects.' },
    ],
  },
  {
    type: CollectionType,
    fields: [
      { field: 'system', kind: 'systems', ref: 'system', returns: () => SystemType },
      { field: 'dataCategories', kind: 'dataCategories', refs: 'dataCategories', returns: () => DataCategoryType },
      { field: 'purposes', kind: 'purposes', refs: 'purposes', returns: () => PurposeType },
      { field: 'notice', kind: 'notices', ref: 'notice', returns: () => NoticeType, nullable: true },
    ],
  },
  {
    type: FlowType,
    fields: [
      { field: 'from', kind: 'systems', ref: 'from', returns: () => SystemType, description: 'The sending system.' },
      { field: 'to', kind: 'systems', ref: 'to', returns: () => SystemType, description: 'The receiving system.' },
      { field: 'sender', kind: 'organizations', ref: 'sender', returns: () => OrganizationType, description: 'The operator of `from`.' },
      { field: 'recipient', kind: 'organizations', ref: 'recipient', returns: () => OrganizationType, description: 'The operator of `to`.' },
      { field: 'dataCategories', kind: 'dataCategories', refs: 'dataCategories', returns: () => DataCategoryType },
      { field: 'purposes', kind: 'purposes', refs: 'purposes', returns: () => PurposeType },
      { field: 'notice', kind: 'notices', ref: 'notice', returns: () => NoticeType, nullable: true, description: 'The notice that supplies the consent or shared-use declaration.' },
    ],
  },
  {
    type: DerivationType,
    fields: [
      { field: 'system', kind: 'systems', ref: 'system', returns: () => SystemType },
      { field: 'inputs', kind: 'dataCategories', refs: 'inputs', returns: () => DataCategoryType },
      { field: 'outputs', kind: 'dataCategories', refs: 'outputs', returns: () => DataCategoryType },
      { field: 'purposes', kind: 'purposes', refs: 'purposes', returns: () => PurposeType },
    ],
  },
  {
    type: PeopleType,
    fields: [
      { field: 'subject', kind: 'subjects', ref: 'subject', returns: () => SubjectType },
      { field: 'uses', kind: 'systems', refs: 'uses', returns: () => SystemType, description: 'Systems that collect their data.' },
      { field: 'consents', kind: 'consents', relation: 'consents-of-people', items: () => ConsentType, description: 'Their consents, in the order the map lists them.' },
    ],
  },
  {
    type: ConsentType,
    fields: [
      { field: 'notice', kind: 'notices', ref: 'notice', returns: () => NoticeType, description: 'The notice consented to.' },
      { field: 'people', kind: 'people', ref: 'people', returns: () => PeopleType },
    ],
  },
];

type Parentish = Element & Record<string, unknown>;
const idsOf = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/** The resolver of one element type's relation fields, made from its table entry. */
function relationsResolver(type: Type<unknown>, fields: RelationField[]): Type<unknown> {
  @Requires('read')
  @Resolver(() => type)
  class ElementRelationsResolver {}
  const proto = ElementRelationsResolver.prototype as unknown as Record<string, unknown>;
  for (const spec of fields) {
    const resolve = resolverOf(spec);
    proto[spec.field] = resolve;
    Parent()(proto, spec.field, 0);
    Context()(proto, spec.field, 1);
    // What tsc would emit for a hand-written method: the pipe skips plain parents and contexts and
    // validates the arguments of connections.
    Reflect.defineMetadata('design:paramtypes', 'connection' in spec ? [Object, Object, RelatedArgs] : [Object, Object], proto, spec.field);
    if ('connection' in spec) Args()(proto, spec.field, 2);
    const returns = 'connection' in spec ? spec.connection : 'refs' in spec || ('items' in spec && !spec.single) ? () => ['items' in spec ? spec.items() : spec.returns()] : 'items' in spec ? spec.items : spec.returns;
    const nullable = ('ref' in spec && spec.nullable) || ('items' in spec && spec.single) ? true : undefined;
    ResolveField(returns, { ...(nullable ? { nullable } : {}), ...(spec.description ? { description: spec.description } : {}) })(proto, spec.field, Object.getOwnPropertyDescriptor(proto, spec.field) as PropertyDescriptor);
  }
  Object.defineProperty(ElementRelationsResolver, 'name', { value: `${type.name.replace(/Type$/, '')}RelationsResolver` });
  return ElementRelationsResolver;
}

function resolverOf(spec: RelationField): (parent: Parentish, context: GqlContext, args?: RelatedArgs) => unknown {
  if ('ref' in spec) {
    return (e, { loaders }) => {
      const id = e[spec.ref];
      return typeof id === 'string' && id !== '' ? loaders.element(spec.kind, e.snapshot, id) : null;
    };
  }
  if ('refs' in spec) return (e, { loaders }) => loaders.elementList(spec.kind, e.snapshot, idsOf(e[spec.refs]));
  if ('connection' in spec) return (e, { loaders }, args) => relatedConnection(loaders, spec.relation, spec.kind, e, args?.first ?? 100);
  return async (e, { loaders }) => {
    const { items } = await loaders.related(spec.relation, spec.kind, e.snapshot, e.id);
    return spec.single ? (items[0] ?? null) : items;
  };
}

export const ELEMENT_RESOLVERS = RELATIONS_OF.map(({ type, fields }) => relationsResolver(type, fields));
