import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MapDirectoryService, StoredMapInfo } from '@tadoru/catalog';
import { MapStoreService } from '@tadoru/store';
import { DataMapType, DeleteMapResultType, ImportMapInput, ImportMapResultType } from './data-map.type';
import { MapNameArgs } from './maps.args';

/** The stored maps: listed, one by name, imported and deleted. */
@Resolver(() => DataMapType)
export class MapsResolver {
  constructor(
    private readonly maps: MapStoreService,
    private readonly directory: MapDirectoryService,
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
}
