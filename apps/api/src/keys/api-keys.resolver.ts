import { Query, Resolver } from '@nestjs/graphql';
import { ApiKeyRow, ApiKeysService, Requires } from '@tadoru/auth';
import { ApiKeyType } from './api-key.type';

@Resolver()
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => [ApiKeyType], { description: 'Every API key, revoked ones too, oldest first. ADMIN only.' })
  @Requires('keys')
  apiKeys(): Promise<ApiKeyRow[]> {
    return this.keys.list();
  }
}
