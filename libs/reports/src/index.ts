export * from './check-report';
