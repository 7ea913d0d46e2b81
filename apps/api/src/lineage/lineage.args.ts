import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN as ID } from '@tadoru/common';
import { BoundsArgs } from '../graphql/bounds.args';
import { Direction } from './lineage.types';

const idMessage = (field: string) => `${field} ${ID_MESSAGE}`;

@ArgsType()
export class LineageArgs extends BoundsArgs {
  @Field(() => String, { nullable: true, description: 'Start from this data category (wherever it is, or at `system`).' })
  @IsOptional()
  @Matches(ID, { message: idMessage('category') })
  category?: string;
  @Field(() => String, { nullable: true, description: 'Start from this system (all it holds, or only `category` there).' })
  @IsOptional()
  @Matches(ID, { message: idMessage('system') })
  system?: string;
  @Field(() => Direction, { defaultValue: 'DOWNSTREAM' })
  @IsIn(Object.values(Direction))
  direction!: 'DOWNSTREAM' | 'UPSTREAM';
}
