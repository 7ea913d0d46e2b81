import { DynamicModule, Module } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService, SecretSource, SERVER_SECRET } from './api-keys.service';
import { loadServerSecret } from './server-secret';

export interface AuthModuleOptions {
  /** The server secret; default TADORU_SECRET or the data directory's `server-secret` file (see server-secret.ts). */
  secret?: string;
}

/** API keys (needs the global GraphModule). */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    let secret: Buffer | undefined = options.secret === undefined ? undefined : Buffer.from(options.secret, 'utf8');
    const source: SecretSource = { get: () => (secret ??= loadServerSecret().value) };
    return {
      module: AuthModule,
      providers: [{ provide: SERVER_SECRET, useValue: source }, ApiKeysRepository, ApiKeysService],
      exports: [ApiKeysService],
    };
  }
}
