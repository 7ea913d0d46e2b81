import { Args, ArgsType, Context, Field, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { ID_PATTERN } from '@tadoru/common';
import { CatalogService, ElementFilter, ElementKind, ListableKind, StoredMapInfo } from '@tadoru/catalog';
import { MapStoreService } from '@tadoru/store';
import { MapDirectoryService } from '@tadoru/catalog';
import { GqlContext } from '../graphql/loaders';
import { ConnectionShape } from '../catalog/connection';
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
} from '../catalog/element.types';
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
} from '../catalog/filters';
import { toConnection } from '../catalog/related-connection';
import { DataMapType, DeleteMapResultType, ImportMapInput, ImportMapResultType } from './data-map.type';

@ArgsType()
class MapNameArgs {
  @Field({ description: 'The map name.' })
  @Matches(ID_PATTERN, { message: 'name must be a map name of 1-128 characters from A-Z a-z 0-9 . _ : -' })
  name!: string;
}

type MapParent = StoredMapInfo;

/** Maps, and every element of a map through filtered, cursor-paginated connections. */
@Resolver(() => DataMapType)
export class DataMapResolver {
  constructor(
    private readonly maps: MapStoreService,
    private readonly directory: MapDirectoryService,
    private readonly catalog: CatalogService,
  ) {}

  @Query(() => [DataMapType], { name: 'maps', description: 'Every map stored in the database.' })
  listMaps(): Promise<StoredMapInfo[]> {
    return this.directory.listMaps();
  }

  @Query(() => DataMapType, { description: 'One map by name; NOT_FOUND when there is none.' })
  map(@Args() { name }: MapNameArgs): Promise<StoredMapInfo> {
    return this.directory.getMap(name);
  }

  @Mutation(() => ImportMapResultType, {
    description: 'Validates a map and stores it under its name in one transaction, replacing what was stored under that name. An invalid map writes nothing; the error lists every problem with its path.',
  })
  importMap(@Args('input') input: ImportMapInput): Promise<ImportMapResultType> {
    return this.maps.importMap([{ text: input.content, format: input.format }], { mapName: input.map }) as unknown as Promise<ImportMapResultType>;
  }

  @Mutation(() => DeleteMapResultType, { description: 'Deletes a map and all its elements; other maps are untouched.' })
  async deleteMap(@Args() { name }: MapNameArgs): Promise<DeleteMapResultType> {
    return { name, deleted: await this.maps.deleteMap(name) };
  }

  private async page(kind: ListableKind, m: MapParent, filter: object | undefined, page: PageArgs): Promise<ConnectionShape<unknown>> {
    const result = await this.catalog.list(kind, m.name, (filter ?? {}) as ElementFilter, page);
    return toConnection(result.items, result.totalCount, result.hasNextPage);
  }

  private one(kind: ElementKind, m: MapParent, id: string, loaders: GqlContext['loaders']) {
    return loaders.element(kind, m.name, id);
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
