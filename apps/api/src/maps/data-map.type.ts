import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsMapName } from '../graphql/validators';

@ObjectType('MapCounts', { description: 'How many entries each section of the map has.' })
export class MapCountsType {
  @Field(() => Int) groups!: number;
  @Field(() => Int) organizations!: number;
  @Field(() => Int) subjects!: number;
  @Field(() => Int) dataCategories!: number;
  @Field(() => Int) purposes!: number;
  @Field(() => Int) notices!: number;
  @Field(() => Int) systems!: number;
  @Field(() => Int) flows!: number;
  @Field(() => Int) derivations!: number;
  @Field(() => Int) people!: number;
}

@ObjectType('DataMap', {
  description:
    'A named data map stored in the graph, at one version. Everything read through its fields in one query comes from that version, findings included, so the fields agree with each other.',
})
export class DataMapType {
  @Field() name!: string;
  @Field(() => Int, { description: 'The version read: every write to the map (an import that changed it, a change, a deletion) makes the next one.' }) version!: number;
  @Field(() => [String], { description: 'The files (or "(text)") it was last imported from.' }) sources!: string[];
  @Field({ description: 'SHA-256 of the content; equal checksums mean equal maps.' }) checksum!: string;
  @Field(() => MapCountsType) counts!: MapCountsType;
  @Field({ description: 'ISO date-time.' }) createdAt!: string;
  @Field({ description: 'ISO date-time of the last import.' }) importedAt!: string;
  @Field({ description: 'ISO date-time of the last write (an import, or a change made in place).' }) updatedAt!: string;
}

export enum MapFormatInput {
  YAML = 'yaml',
  JSON = 'json',
}
registerEnumType(MapFormatInput, { name: 'MapFormat' });

@InputType({ description: 'A data map in the format of shared/spec/data-map.md.' })
export class ImportMapInput {
  @Field({ description: 'The map as YAML or JSON text.' })
  @IsString()
  @MaxLength(64 * 1024 * 1024)
  content!: string;

  @Field(() => MapFormatInput, { nullable: true, description: 'Default: JSON when the content starts with `{`, else YAML.' })
  @IsOptional()
  @IsIn(Object.values(MapFormatInput))
  format?: MapFormatInput;

  @Field(() => String, { nullable: true, description: 'Name to store it under; default: the `map` field of the content.' })
  @IsOptional()
  @IsMapName()
  map?: string;
}

@ObjectType('ImportMapResult')
export class ImportMapResultType {
  @Field(() => DataMapType) map!: DataMapType;
  @Field({ description: 'No map of that name existed before.' }) created!: boolean;
  @Field({ description: 'The stored map already had this content.' }) unchanged!: boolean;
}

@ObjectType('DeleteMapResult')
export class DeleteMapResultType {
  @Field() name!: string;
  @Field() deleted!: boolean;
  @Field(() => Int, { description: 'The version the deletion made (the map has no elements in it; the name may be imported again).' }) version!: number;
}
