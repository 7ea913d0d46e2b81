import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ApiKeyRow, ApiKeysService, Requires } from '@tadoru/auth';
import { ApiKeyType } from './api-key.type';
import { RevokeApiKeyArgs } from './keys.args';

@Resolver()
export class RevokeApiKeyResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Mutation(() => ApiKeyType, { description: 'Revokes an API key by name or id: it stops working at once on this instance, within seconds on others. ADMIN only. NOT_FOUND when no unrevoked key has that name or id.' })
  @Requires('keys')
  revokeApiKey(@Args() { name }: RevokeApiKeyArgs): Promise<ApiKeyRow> {
    return this.keys.revoke(name);
  }
}
