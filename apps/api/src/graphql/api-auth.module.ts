import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, LoopbackAccess, loopbackAccessFromEnv } from '@tadoru/auth';
import { API_AUTH_OPTIONS, RequestAuthenticator } from './request-authenticator';

export interface ApiAuthSettings {
  /** Whether loopback requests without a key are the local admin; default TADORU_LOOPBACK_ACCESS (see loopbackAccessFromEnv). */
  loopbackAccess?: LoopbackAccess;
  /** The server secret; default TADORU_SECRET or the data directory's `server-secret` file. */
  secret?: string;
}

/** Who sends a request: the API keys and the loopback decision, shared by the guard, the GraphQL gate and the GraphQL context. */
@Module({})
export class ApiAuthModule {
  static forRoot(settings: ApiAuthSettings = {}): DynamicModule {
    return {
      module: ApiAuthModule,
      imports: [AuthModule.forRoot({ secret: settings.secret })],
      providers: [{ provide: API_AUTH_OPTIONS, useValue: { loopbackAccess: settings.loopbackAccess ?? loopbackAccessFromEnv() } }, RequestAuthenticator],
      exports: [RequestAuthenticator, AuthModule],
    };
  }
}
