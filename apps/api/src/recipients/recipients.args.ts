import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
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
}

@ArgsType()
export class PersonTraceArgs extends BoundsArgs {
  @Field({ description: 'The people entry id.' })
  @Matches(ID, { message: idMessage('person') })
  person!: string;
}
