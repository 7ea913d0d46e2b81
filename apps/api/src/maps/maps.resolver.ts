import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MapDirectoryService, PinnedMap } from '@tadoru/catalog';
import { ImportResult, MapStoreService } from '@tadoru/store';
import { GqlContext } from '../graphql/loaders';
import { DataMapType, DeleteMapResultType, ImportMapInput, ImportMapResultType } from './data-map.type';
import { MapNameArgs } from './maps.args';
import { Requires } from '@tadoru/auth';

/** The stored maps: listed, one by name (pinned at its current version), imported and deleted. */
@Requires('read')
@Resolver(() => DataMapType)
export class MapsResolver {
  constructor(
    private readonly maps: MapStoreService,
    private readonly directory: MapDirectoryService,
  ) {}

  @Query(() => [DataMapType], { name: 'maps', description: 'Every map stored in the database, each at its current version.' })
  async listMaps(@Context() { pins }: GqlContext): Promise<PinnedMap[]> {
    return (await this.directory.listMaps()).map((info) => pins.adopt(info));
  }

  @Query(() => DataMapType, { description: 'One map by name, at its current version; NOT_FOUND when there is none.' })
  map(@Args() { name }: MapNameArgs, @Context() { pins }: GqlContext): Promise<PinnedMap> {
    return pins.pin(name);
  }

  @ResolveField(() => String)
  async checksum(@Parent() m: PinnedMap): Promise<string> {
    return m.checksum ?? this.maps.contentChecksum(m);
  }

  @Mutation(() => ImportMapResultType, {
    description:
      'Validates a map and stores it under its name as its next version, with its findings, replacing what was stored under that name; readers see the old version or the new one, never a mix. An invalid map writes nothing; the error lists every problem with its path. CONFLICT when another write to the same map is in progress.',
  })
  @Requires('import')
  importMap(@Args('input') input: ImportMapInput): Promise<ImportResult> {
    return this.maps.importMap([{ text: input.content, format: input.format }], { mapName: input.map });
  }

  @Mutation(() => DeleteMapResultType, { description: 'Deletes a map and all its elements (a new version with nothing in it); other maps are untouched.' })
  @Requires('delete')
  async deleteMap(@Args() { name }: MapNameArgs): Promise<DeleteMapResultType> {
    const { version } = await this.maps.deleteMap(name);
    return { name, deleted: true, version };
  }
}
