export * from './trace.module';
export * from './trace.service';
export * from './trace.types';
