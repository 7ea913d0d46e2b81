export * from './check-base.service';
export * from './check-report';
export * from './check.service';
export * from './reports.module';
