import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MapDirectoryService, PinnedMap } from '@tadoru/catalog';
import { HistoryService, ImportResult, MapStoreService } from '@tadoru/store';
import { actorOf } from '../graphql/current-actor.decorator';
import { GqlContext } from '../graphql/loaders';
import { DataMapType, DeleteMapResultType, ImportMapInput, ImportMapResultType } from './data-map.type';
import { MapArgs, MapNameArgs } from './maps.args';
import { Requires } from '@tadoru/auth';

/** The stored maps: listed, one by name (pinned at its current version), imported and deleted. */
@Requires('read')
@Resolver(() => DataMapType)
export class MapsResolver {
  constructor(
    private readonly maps: MapStoreService,
    private readonly directory: MapDirectoryService,
    private readonly history: HistoryService,
  ) {}

  @Query(() => [DataMapType], { name: 'maps', description: 'Every map stored in the database, each at its current version.' })
  async listMaps(@Context() { pins }: GqlContext): Promise<PinnedMap[]> {
    return (await this.directory.listMaps()).map((info) => pins.adopt(info));
  }

  @Query(() => DataMapType, {
    description:
      'One map by name, at its current version or at a past `version` (every field then answers as it stood at that version); NOT_FOUND when there is none (a version the map never had, or one that was a deletion).',
  })
  map(@Args() { name, version }: MapArgs, @Context() { pins }: GqlContext): Promise<PinnedMap> {
    if (version === undefined || version === null) return pins.pin(name);
    return pins.pinVersion(name, version, () => this.history.pinVersion(name, version));
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
  importMap(@Args('input') input: ImportMapInput, @Context() ctx: GqlContext): Promise<ImportResult> {
    return this.maps.importMap([{ text: input.content, format: input.format }], { mapName: input.map, actor: actorOf(ctx) });
  }

  @Mutation(() => DeleteMapResultType, { description: 'Deletes a map and all its elements (a new version with nothing in it); its history stays; other maps are untouched.' })
  @Requires('delete')
  async deleteMap(@Args() { name }: MapNameArgs, @Context() ctx: GqlContext): Promise<DeleteMapResultType> {
    const { version } = await this.maps.deleteMap(name, actorOf(ctx));
    return { name, deleted: true, version };
  }
}
