import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '@tadoru/common';

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

@ObjectType('DataMap', { description: 'A named data map stored in the graph. Its elements are read through the fields below.' })
export class DataMapType {
  @Field() name!: string;
  @Field(() => [String], { description: 'The files (or "(text)") it was last imported from.' }) sources!: string[];
  @Field({ description: 'SHA-256 of the imported content; equal checksums mean equal maps.' }) checksum!: string;
  @Field(() => MapCountsType) counts!: MapCountsType;
  @Field({ description: 'ISO date-time.' }) createdAt!: string;
  @Field({ description: 'ISO date-time of the last import.' }) importedAt!: string;
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
  @Matches(ID_PATTERN, { message: 'map must be a name of 1-128 characters from A-Z a-z 0-9 . _ : -' })
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
}
