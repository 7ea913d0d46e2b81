import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Report', { description: 'A report built from one version of a map; the same arguments on the same version give the same report.' })
export class ReportType {
  @Field() kind!: string;
  @Field() title!: string;
  @Field() lang!: string;
  @Field() map!: string;
  @Field(() => Int, { description: 'The version it was built from.' }) version!: number;
  @Field(() => String, { nullable: true, description: 'When that version was recorded (ISO timestamp).' }) versionRecordedAt!: string | null;
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field({ description: 'The report as its JSON document (`{ report: header, <section>: … }`), as text.' }) json!: string;
  @Field({
    description:
      'Where to download it in the requested format (GET, same authentication as this request: the `Authorization: Bearer` key). Pinned to this version, so the file is the one this query described.',
  })
  downloadUrl!: string;
}
