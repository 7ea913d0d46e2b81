import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsMapName } from '../graphql/validators';

@ArgsType()
export class MapNameArgs {
  @Field({ description: 'The map name.' })
  @IsMapName()
  name!: string;
}

@ArgsType()
export class MapArgs extends MapNameArgs {
  @Field(() => Int, { nullable: true, description: 'A past version to read, rebuilt from the history (default: the current one). Every field then answers as the map stood at that version.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
