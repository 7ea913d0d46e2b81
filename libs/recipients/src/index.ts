export * from './recipients.module';
export * from './recipients.service';
export * from './recipients.types';
