import { ArgsType, Field } from '@nestjs/graphql';
import { IsMapName } from '../graphql/validators';

@ArgsType()
export class MapNameArgs {
  @Field({ description: 'The map name.' })
  @IsMapName()
  name!: string;
}
