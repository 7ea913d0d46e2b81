import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_RECIPIENTS_PAGE, MAX_RECIPIENTS_PAGE } from '@tadoru/recipients';
import { ID_MESSAGE, ID_PATTERN as ID } from '@tadoru/common';
import { BoundsArgs } from '../graphql/bounds.args';

const idMessage = (field: string) => `${field} ${ID_MESSAGE}`;

@ArgsType()
export class RecipientsArgs extends BoundsArgs {
  @Field(() => String, { nullable: true, description: 'Whose receives this data category (and what is derived from it)? One of category, subject, person.' })
  @IsOptional()
  @Matches(ID, { message: idMessage('category') })
  category?: string;
  @Field(() => String, { nullable: true, description: 'Every category about this subject (e.g. students).' })
  @IsOptional()
  @Matches(ID, { message: idMessage('subject') })
  subject?: string;
  @Field(() => String, { nullable: true, description: 'One people entry: their data from the systems they use, with whether their consent covered each flow.' })
  @IsOptional()
  @Matches(ID, { message: idMessage('person') })
  person?: string;
  @Field(() => String, { nullable: true, description: 'With `category`: only the category as held at this system.' })
  @IsOptional()
  @Matches(ID, { message: idMessage('system') })
  system?: string;
  @Field({ defaultValue: false, description: 'Also list flows between systems of one organization.' })
  @IsBoolean()
  includeInternal!: boolean;
  @Field(() => Int, { defaultValue: DEFAULT_RECIPIENTS_PAGE, description: `Rows per page, 0 to ${MAX_RECIPIENTS_PAGE}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_RECIPIENTS_PAGE)
  first!: number;
  @Field(() => String, { nullable: true, description: '`pageInfo.endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  after?: string;
}

@ArgsType()
export class PersonTraceArgs extends BoundsArgs {
  @Field({ description: 'The people entry id.' })
  @Matches(ID, { message: idMessage('person') })
  person!: string;
}
