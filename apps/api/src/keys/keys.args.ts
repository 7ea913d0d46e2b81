import { ArgsType, Field } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { Role } from '@tadoru/auth';

// The name and role are checked by ApiKeysService (BAD_USER_INPUT naming the field), the same check as the CLI's.
@ArgsType()
export class CreateApiKeyArgs {
  @Field({ description: '1 to 64 letters, digits, ".", "_", "@" or "-"; unique among unrevoked keys.' })
  @Allow()
  name!: string;

  @Field(() => Role)
  @Allow()
  role!: Role;
}

@ArgsType()
export class RevokeApiKeyArgs {
  @Field({ description: 'The name of an unrevoked key, or its id.' })
  @Allow()
  name!: string;
}
