export * from './check-base.service';
export * from './check-report';
export * from './check.service';
export * from './reports.module';
export * from './document/report-document';
export * from './document/report-kind';
export * from './document/format-cell';
