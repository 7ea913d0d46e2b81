export * from './trace.module';
