import { ArgsType, Field } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { ID_PATTERN } from '@tadoru/common';

@ArgsType()
export class MapNameArgs {
  @Field({ description: 'The map name.' })
  @Matches(ID_PATTERN, { message: 'name must be a map name of 1-128 characters from A-Z a-z 0-9 . _ : -' })
  name!: string;
}
