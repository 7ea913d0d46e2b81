import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Element } from '@tadoru/catalog';
import { GqlContext } from '../graphql/loaders';
import {
  CollectionConnection,
  CollectionType,
  ConsentType,
  DataCategoryConnection,
  DataCategoryType,
  DerivationConnection,
  DerivationType,
  FlowConnection,
  FlowType,
  GroupType,
  NoticeType,
  OrganizationConnection,
  OrganizationType,
  PeopleConnection,
  PeopleType,
  ProvisionType,
  PurposeType,
  SharedUseType,
  ConsentConnection,
  SubjectType,
  SystemConnection,
  SystemType,
  NoticeConnection,
} from './element.types';
import { RelatedArgs, relatedConnection } from './related-connection';

/*
 * Relation fields. Forward references (a flow's sender, a notice's purposes) go through the
 * per-request element loaders; reverse relations (a system's outgoing flows) through the batched
 * relation loaders, cut at `first` with the total beside them.
 */
type P = Element;
const ids = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

@Resolver(() => GroupType)
export class GroupResolver {
  @ResolveField(() => OrganizationConnection, { description: 'Organizations in the group.' })
  members(@Parent() g: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'members-of-groups', 'organizations', g, first);
  }
}

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @ResolveField(() => GroupType, { nullable: true })
  group(@Parent() o: P, @Context() { loaders }: GqlContext) {
    return o.group ? loaders.element('groups', o.map, o.group as string) : null;
  }

  @ResolveField(() => SystemConnection, { description: 'Systems it operates.' })
  systems(@Parent() o: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'systems-of-organizations', 'systems', o, first);
  }

  @ResolveField(() => NoticeConnection, { description: 'Notices it publishes.' })
  notices(@Parent() o: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'notices-of-organizations', 'notices', o, first);
  }

  @ResolveField(() => FlowConnection, { description: 'Flows it sends (it operates the sending system).' })
  flowsOut(@Parent() o: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'flows-sent-by-organizations', 'flows', o, first);
  }

  @ResolveField(() => FlowConnection, { description: 'Flows it receives (it operates the receiving system).' })
  flowsIn(@Parent() o: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'flows-received-by-organizations', 'flows', o, first);
  }

  @ResolveField(() => DataCategoryConnection, { description: 'Data categories it holds: collects, receives or derives.' })
  holds(@Parent() o: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'categories-held-by-organizations', 'dataCategories', o, first);
  }
}

@Resolver(() => SubjectType)
export class SubjectResolver {
  @ResolveField(() => DataCategoryConnection)
  dataCategories(@Parent() s: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'categories-of-subjects', 'dataCategories', s, first);
  }

  @ResolveField(() => PeopleConnection)
  people(@Parent() s: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'people-of-subjects', 'people', s, first);
  }
}

@Resolver(() => DataCategoryType)
export class DataCategoryResolver {
  @ResolveField(() => SubjectType, { description: 'Whose data it is.' })
  subject(@Parent() c: P, @Context() { loaders }: GqlContext) {
    return loaders.element('subjects', c.map, c.subject as string);
  }

  @ResolveField(() => OrganizationConnection, { description: 'Organizations that hold it: collect it, receive it in a flow, or derive it.' })
  holders(@Parent() c: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'holders-of-categories', 'organizations', c, first);
  }

  @ResolveField(() => FlowConnection, { description: 'Flows that carry it.' })
  flows(@Parent() c: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'flows-carrying-categories', 'flows', c, first);
  }

  @ResolveField(() => CollectionConnection, { description: 'Collections that gather it.' })
  collections(@Parent() c: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'collections-of-categories', 'collections', c, first);
  }

  @ResolveField(() => DerivationConnection, { description: 'Derivations that use it as an input.' })
  usedBy(@Parent() c: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'derivations-using-categories', 'derivations', c, first);
  }

  @ResolveField(() => DerivationConnection, { description: 'Derivations that produce it.' })
  producedBy(@Parent() c: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'derivations-producing-categories', 'derivations', c, first);
  }
}

@Resolver(() => NoticeType)
export class NoticeResolver {
  @ResolveField(() => OrganizationType, { description: 'The organization that publishes it.' })
  organization(@Parent() n: P, @Context() { loaders }: GqlContext) {
    return loaders.element('organizations', n.map, n.organization as string);
  }

  @ResolveField(() => [PurposeType], { description: 'Purposes of use it states.' })
  purposes(@Parent() n: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('purposes', n.map, ids(n.purposes));
  }

  @ResolveField(() => [ProvisionType], { description: 'Third-party provisions that consent to it covers.' })
  async provisions(@Parent() n: P, @Context() { loaders }: GqlContext) {
    return (await loaders.related('provisions-of-notices', 'provisions', n.map, n.id)).items;
  }

  @ResolveField(() => SharedUseType, { nullable: true, description: 'Its joint-use declaration, if any.' })
  async sharedUse(@Parent() n: P, @Context() { loaders }: GqlContext) {
    return (await loaders.related('shared-use-of-notices', 'sharedUses', n.map, n.id)).items[0] ?? null;
  }

  @ResolveField(() => FlowConnection, { description: 'Flows that rely on it.' })
  flows(@Parent() n: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'flows-under-notices', 'flows', n, first);
  }

  @ResolveField(() => ConsentConnection, { description: 'Consents given to it.' })
  consents(@Parent() n: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'consents-to-notices', 'consents', n, first);
  }
}

@Resolver(() => ProvisionType)
export class ProvisionResolver {
  @ResolveField(() => [OrganizationType], { description: 'Recipients named in the provision.' })
  recipients(@Parent() p: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('organizations', p.map, ids(p.recipients));
  }

  @ResolveField(() => [DataCategoryType])
  dataCategories(@Parent() p: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('dataCategories', p.map, ids(p.dataCategories));
  }

  @ResolveField(() => [PurposeType])
  purposes(@Parent() p: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('purposes', p.map, ids(p.purposes));
  }
}

@Resolver(() => SharedUseType)
export class SharedUseResolver {
  @ResolveField(() => [OrganizationType], { description: 'Organizations named as users directly.' })
  users(@Parent() s: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('organizations', s.map, ids(s.users));
  }

  @ResolveField(() => [GroupType], { description: 'Groups named as users (all their members).' })
  userGroups(@Parent() s: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('groups', s.map, ids(s.users));
  }

  @ResolveField(() => [DataCategoryType])
  dataCategories(@Parent() s: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('dataCategories', s.map, ids(s.dataCategories));
  }

  @ResolveField(() => [PurposeType])
  purposes(@Parent() s: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('purposes', s.map, ids(s.purposes));
  }

  @ResolveField(() => OrganizationType, { nullable: true, description: 'The organization responsible; required for a complete declaration.' })
  manager(@Parent() s: P, @Context() { loaders }: GqlContext) {
    return s.manager ? loaders.element('organizations', s.map, s.manager as string) : null;
  }
}

@Resolver(() => SystemType)
export class SystemResolver {
  @ResolveField(() => OrganizationType)
  operator(@Parent() s: P, @Context() { loaders }: GqlContext) {
    return loaders.element('organizations', s.map, s.operator as string);
  }

  @ResolveField(() => CollectionConnection)
  collections(@Parent() s: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'collections-of-systems', 'collections', s, first);
  }

  @ResolveField(() => FlowConnection, { description: 'Flows leaving it.' })
  flowsOut(@Parent() s: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'flows-from-systems', 'flows', s, first);
  }

  @ResolveField(() => FlowConnection, { description: 'Flows arriving at it.' })
  flowsIn(@Parent() s: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'flows-to-systems', 'flows', s, first);
  }

  @ResolveField(() => DerivationConnection)
  derivations(@Parent() s: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'derivations-in-systems', 'derivations', s, first);
  }

  @ResolveField(() => PeopleConnection, { description: 'People entries whose data it collects.' })
  people(@Parent() s: P, @Args() { first }: RelatedArgs, @Context() { loaders }: GqlContext) {
    return relatedConnection(loaders, 'people-using-systems', 'people', s, first);
  }
}

@Resolver(() => CollectionType)
export class CollectionResolver {
  @ResolveField(() => SystemType)
  system(@Parent() c: P, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', c.map, c.system as string);
  }

  @ResolveField(() => [DataCategoryType])
  dataCategories(@Parent() c: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('dataCategories', c.map, ids(c.dataCategories));
  }

  @ResolveField(() => [PurposeType])
  purposes(@Parent() c: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('purposes', c.map, ids(c.purposes));
  }

  @ResolveField(() => NoticeType, { nullable: true })
  notice(@Parent() c: P, @Context() { loaders }: GqlContext) {
    return c.notice ? loaders.element('notices', c.map, c.notice as string) : null;
  }
}

@Resolver(() => FlowType)
export class FlowResolver {
  @ResolveField(() => SystemType, { description: 'The sending system.' })
  from(@Parent() f: P, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', f.map, f.from as string);
  }

  @ResolveField(() => SystemType, { description: 'The receiving system.' })
  to(@Parent() f: P, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', f.map, f.to as string);
  }

  @ResolveField(() => OrganizationType, { description: 'The operator of `from`.' })
  sender(@Parent() f: P, @Context() { loaders }: GqlContext) {
    return loaders.element('organizations', f.map, f.sender as string);
  }

  @ResolveField(() => OrganizationType, { description: 'The operator of `to`.' })
  recipient(@Parent() f: P, @Context() { loaders }: GqlContext) {
    return loaders.element('organizations', f.map, f.recipient as string);
  }

  @ResolveField(() => [DataCategoryType])
  dataCategories(@Parent() f: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('dataCategories', f.map, ids(f.dataCategories));
  }

  @ResolveField(() => [PurposeType])
  purposes(@Parent() f: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('purposes', f.map, ids(f.purposes));
  }

  @ResolveField(() => NoticeType, { nullable: true, description: 'The notice that supplies the consent or shared-use declaration.' })
  notice(@Parent() f: P, @Context() { loaders }: GqlContext) {
    return f.notice ? loaders.element('notices', f.map, f.notice as string) : null;
  }
}

@Resolver(() => DerivationType)
export class DerivationResolver {
  @ResolveField(() => SystemType)
  system(@Parent() d: P, @Context() { loaders }: GqlContext) {
    return loaders.element('systems', d.map, d.system as string);
  }

  @ResolveField(() => [DataCategoryType])
  inputs(@Parent() d: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('dataCategories', d.map, ids(d.inputs));
  }

  @ResolveField(() => [DataCategoryType])
  outputs(@Parent() d: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('dataCategories', d.map, ids(d.outputs));
  }

  @ResolveField(() => [PurposeType])
  purposes(@Parent() d: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('purposes', d.map, ids(d.purposes));
  }
}

@Resolver(() => PeopleType)
export class PeopleResolver {
  @ResolveField(() => SubjectType)
  subject(@Parent() p: P, @Context() { loaders }: GqlContext) {
    return loaders.element('subjects', p.map, p.subject as string);
  }

  @ResolveField(() => [SystemType], { description: 'Systems that collect their data.' })
  uses(@Parent() p: P, @Context() { loaders }: GqlContext) {
    return loaders.elementList('systems', p.map, ids(p.uses));
  }

  @ResolveField(() => [ConsentType], { description: 'Their consents, in the order the map lists them.' })
  async consents(@Parent() p: P, @Context() { loaders }: GqlContext) {
    return (await loaders.related('consents-of-people', 'consents', p.map, p.id)).items;
  }
}

@Resolver(() => ConsentType)
export class ConsentResolver {
  @ResolveField(() => NoticeType, { description: 'The notice consented to.' })
  notice(@Parent() c: P, @Context() { loaders }: GqlContext) {
    return loaders.element('notices', c.map, c.notice as string);
  }

  @ResolveField(() => PeopleType)
  people(@Parent() c: P, @Context() { loaders }: GqlContext) {
    return loaders.element('people', c.map, c.people as string);
  }
}

export const ELEMENT_RESOLVERS = [
  GroupResolver,
  OrganizationResolver,
  SubjectResolver,
  DataCategoryResolver,
  NoticeResolver,
  ProvisionResolver,
  SharedUseResolver,
  SystemResolver,
  CollectionResolver,
  FlowResolver,
  DerivationResolver,
  PeopleResolver,
  ConsentResolver,
];
