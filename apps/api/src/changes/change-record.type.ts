import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DiffFindingType, ElementCountsType, MapDiffType } from './map-diff.type';

@ObjectType('Actor', { description: 'Who made a write: the API key name and role (or the local CLI).' })
export class ActorType {
  @Field() name!: string;
  @Field() role!: string;
}

@ObjectType('ElementChange', { description: 'One element of the map before and after a write (a system includes its collections, a person their consents).' })
export class ElementChangeType {
  @Field({ description: 'The map section: flows, systems, …' }) section!: string;
  @Field() id!: string;
  @Field({ description: 'added, changed, retired or removed.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'The entry before, as JSON in the map format; null when added.' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'The entry after, as JSON; null when removed.' }) after!: string | null;
}

@ObjectType('ChangeRecord', { description: 'One write to a map, as the history keeps it forever.' })
export class ChangeRecordType {
  @Field() map!: string;
  @Field(() => Int, { description: 'The version the write made.' }) version!: number;
  @Field(() => Int, { description: 'The version it was made on (0 for the first).' }) baseVersion!: number;
  @Field({ description: 'ISO date-time.' }) at!: string;
  @Field({ description: 'import, change, delete, refresh (findings evaluated again after a rule-pack upgrade) or baseline (the map as it stood when its history began, for maps stored before tadoru kept history).' }) kind!: string;
  @Field(() => ActorType) actor!: ActorType;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: 'The change set applied, as JSON (an import: its sources; what it amounts to is in `elementChanges`).' }) change!: string;
  @Field(() => ElementCountsType) elements!: ElementCountsType;
  @Field(() => [DiffFindingType]) introduced!: DiffFindingType[];
  @Field(() => [DiffFindingType]) resolved!: DiffFindingType[];
}

@ObjectType('ChangeRecordPageInfo')
export class ChangeRecordPageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('ChangeRecordConnection')
export class ChangeRecordConnectionType {
  @Field(() => [ChangeRecordType], { description: 'Newest first.' }) nodes!: ChangeRecordType[];
  @Field(() => ChangeRecordPageInfoType) pageInfo!: ChangeRecordPageInfoType;
}

@ObjectType('VersionComparison', { description: 'Two versions of a map compared: what changed between them, and who did it.' })
export class VersionComparisonType {
  @Field(() => MapDiffType, { description: '`baseVersion` is the older version, `version` the newer.' }) diff!: MapDiffType;
  @Field(() => [ChangeRecordType], { description: 'The writes after the older version up to the newer, oldest first.' }) changes!: ChangeRecordType[];
}
