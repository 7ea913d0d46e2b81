import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsMapName } from '../graphql/validators';

export enum ReportKindInput {
  ledger = 'ledger',
  findings = 'findings',
  disclosure = 'disclosure',
  breach = 'breach',
  ropa = 'ropa',
  published_matters = 'published-matters',
  overview = 'overview',
}
registerEnumType(ReportKindInput, {
  name: 'ReportKind',
  description:
    'ledger: third-party provision and receipt records (APPI Arts. 29–31); findings: every finding with its evidence; disclosure: one person (APPI Art. 33, needs `person`); breach: breach scope (APPI Art. 26, needs `system` and `since`); ropa: GDPR Art. 30 record of processing; published_matters: APPI Art. 32 matters to publish; overview: the map as a diagram.',
});

export enum ReportLangInput {
  en = 'en',
  ja = 'ja',
}
registerEnumType(ReportLangInput, { name: 'ReportLang' });

export enum ReportFormatInput {
  json = 'json',
  csv = 'csv',
  markdown = 'markdown',
  html = 'html',
  pdf = 'pdf',
}
registerEnumType(ReportFormatInput, { name: 'ReportFormat', description: 'Format of the download (`downloadUrl`); the query itself returns JSON.' });

@ArgsType()
export class ReportArgs {
  @Field(() => ReportKindInput)
  @IsIn(Object.values(ReportKindInput))
  kind!: ReportKindInput;

  @Field({ description: 'The stored map.' })
  @IsMapName()
  map!: string;

  @Field(() => ReportLangInput, { nullable: true, description: 'Default en.' })
  @IsOptional()
  @IsIn(Object.values(ReportLangInput))
  lang?: ReportLangInput;

  @Field(() => ReportFormatInput, { nullable: true, description: 'The format `downloadUrl` gives. Default pdf.' })
  @IsOptional()
  @IsIn(Object.values(ReportFormatInput))
  format?: ReportFormatInput;

  @Field(() => String, { nullable: true, description: 'disclosure: the people entry.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  person?: string;

  @Field(() => String, { nullable: true, description: 'breach: the compromised system.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  system?: string;

  @Field(() => String, { nullable: true, description: 'breach: the date the compromise began (YYYY-MM-DD).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  since?: string;

  @Field(() => Int, { nullable: true, description: 'A past version of the map (from its history); default the current one.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => String, { nullable: true, description: 'Read flows, derivations and consents as in force on this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  asOf?: string;
}
