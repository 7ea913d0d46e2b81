export * from './change-scope.service';
export * from './finding';
export * from './findings.service';
export * from './message-template';
export * from './rule-catalog';
export * from './rule-definition';
export * from './rule-engine.service';
export * from './rules.module';
