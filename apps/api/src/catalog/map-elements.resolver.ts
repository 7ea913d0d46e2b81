import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CatalogService, ElementFilter, ElementKind, ListableKind, PinnedMap } from '@tadoru/catalog';
import { GqlContext } from '../graphql/loaders';
import { DataMapType } from '../maps/data-map.type';
import { ConnectionShape } from './connection';
import {
  CollectionConnection,
  CollectionType,
  DataCategoryConnection,
  DataCategoryType,
  DerivationConnection,
  DerivationType,
  FlowConnection,
  FlowType,
  GroupConnection,
  GroupType,
  NoticeConnection,
  NoticeType,
  OrganizationConnection,
  OrganizationType,
  PeopleConnection,
  PeopleType,
  PurposeConnection,
  PurposeType,
  SubjectConnection,
  SubjectType,
  SystemConnection,
  SystemType,
} from './element.types';
import {
  CollectionFilter,
  DataCategoryFilter,
  DerivationFilter,
  FlowFilter,
  IdArgs,
  NameFilter,
  NoticeFilter,
  OrganizationFilter,
  PageArgs,
  PeopleFilter,
  SubjectFilter,
  SystemFilter,
} from './elements.args';
import { toConnection } from './related-connection';
import { elementListScope } from '@tadoru/catalog';
import { Requires } from '@tadoru/auth';

type MapParent = PinnedMap;

/** Every element of a map: filtered, cursor-paginated connections per kind, and one element by id. */
@Requires('read')
@Resolver(() => DataMapType)
export class MapElementsResolver {
  constructor(private readonly catalog: CatalogService) {}

  private async page(kind: ListableKind, m: MapParent, filter: object | undefined, page: PageArgs): Promise<ConnectionShape<unknown>> {
    const result = await this.catalog.list(kind, m, (filter ?? {}) as ElementFilter, page);
    return toConnection(result.items, result.totalCount, elementListScope(kind, m, result.filter), result.hasNextPage);
  }

  private one(kind: ElementKind, m: MapParent, id: string, loaders: GqlContext['loaders']) {
    return loaders.element(kind, m, id);
  }

  @ResolveField(() => GroupConnection)
  groups(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: NameFilter) {
    return this.page('groups', m, filter, page);
  }

  @ResolveField(() => OrganizationConnection)
  organizations(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: OrganizationFilter) {
    return this.page('organizations', m, filter, page);
  }

  @ResolveField(() => SubjectConnection)
  subjects(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: SubjectFilter) {
    return this.page('subjects', m, filter, page);
  }

  @ResolveField(() => DataCategoryConnection)
  dataCategories(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: DataCategoryFilter) {
    return this.page('dataCategories', m, filter, page);
  }

  @ResolveField(() => PurposeConnection)
  purposes(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: NameFilter) {
    return this.page('purposes', m, filter, page);
  }

  @ResolveField(() => NoticeConnection)
  notices(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: NoticeFilter) {
    return this.page('notices', m, filter, page);
  }

  @ResolveField(() => SystemConnection)
  systems(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: SystemFilter) {
    return this.page('systems', m, filter, page);
  }

  @ResolveField(() => CollectionConnection)
  collections(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: CollectionFilter) {
    return this.page('collections', m, filter, page);
  }

  @ResolveField(() => FlowConnection)
  flows(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: FlowFilter) {
    return this.page('flows', m, filter, page);
  }

  @ResolveField(() => DerivationConnection)
  derivations(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: DerivationFilter) {
    return this.page('derivations', m, filter, page);
  }

  @ResolveField(() => PeopleConnection)
  people(@Parent() m: MapParent, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: PeopleFilter) {
    return this.page('people', m, filter, page);
  }

  @ResolveField(() => GroupType, { nullable: true })
  group(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('groups', m, id, loaders);
  }

  @ResolveField(() => OrganizationType, { nullable: true })
  organization(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('organizations', m, id, loaders);
  }

  @ResolveField(() => SubjectType, { nullable: true })
  subject(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('subjects', m, id, loaders);
  }

  @ResolveField(() => DataCategoryType, { nullable: true })
  dataCategory(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('dataCategories', m, id, loaders);
  }

  @ResolveField(() => PurposeType, { nullable: true })
  purpose(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('purposes', m, id, loaders);
  }

  @ResolveField(() => NoticeType, { nullable: true })
  notice(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('notices', m, id, loaders);
  }

  @ResolveField(() => SystemType, { nullable: true })
  system(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('systems', m, id, loaders);
  }

  @ResolveField(() => CollectionType, { nullable: true })
  collection(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('collections', m, id, loaders);
  }

  @ResolveField(() => FlowType, { nullable: true })
  flow(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('flows', m, id, loaders);
  }

  @ResolveField(() => DerivationType, { nullable: true })
  derivation(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('derivations', m, id, loaders);
  }

  @ResolveField(() => PeopleType, { nullable: true, description: 'A people entry (one person or a cohort).' })
  person(@Parent() m: MapParent, @Args() { id }: IdArgs, @Context() { loaders }: GqlContext) {
    return this.one('people', m, id, loaders);
  }
}
