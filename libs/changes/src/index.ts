export * from './change-set';
export * from './map-diff';
export * from './change-set-validation';
