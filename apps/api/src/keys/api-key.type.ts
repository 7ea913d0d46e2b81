import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@tadoru/auth';

registerEnumType(Role, {
  name: 'ApiKeyRole',
  description: 'What an API key may do: ADMIN everything (and keys), ARCHITECT read and change maps, DPO read, review and reports, AUDITOR read, history and reports.',
});

@ObjectType('ApiKey', { description: 'An API key as listed: never the key or its hash.' })
export class ApiKeyType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Unique among unrevoked keys; the name the history records.' }) name!: string;
  @Field(() => Role) role!: Role;
  @Field({ description: 'The first characters of the key, to recognise it (not enough to use it).' }) prefix!: string;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Roughly when it was last used (recorded at most every few seconds).' }) lastUsedAt!: string | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field({ description: 'The key itself. Shown only this once: it is stored only as a keyed hash and cannot be shown again.' }) key!: string;
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
}

@ObjectType('Viewer', { description: 'Who the caller is.' })
export class ViewerType {
  @Field({ description: 'The API key\'s name ("local-admin" for loopback access without a key).' }) name!: string;
  @Field(() => Role) role!: Role;
}
