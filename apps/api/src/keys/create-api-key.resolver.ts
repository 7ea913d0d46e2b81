import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ApiKeysService, Requires } from '@tadoru/auth';
import { CreatedApiKeyType } from './api-key.type';
import { CreateApiKeyArgs } from './keys.args';

@Resolver()
export class CreateApiKeyResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Mutation(() => CreatedApiKeyType, { description: 'Creates an API key with a role; the key is in the answer and nowhere else, ever. ADMIN only. CONFLICT when an unrevoked key has the name.' })
  @Requires('keys')
  async createApiKey(@Args() { name, role }: CreateApiKeyArgs): Promise<CreatedApiKeyType> {
    const { key, info } = await this.keys.create(name, role);
    return { key, apiKey: info };
  }
}
