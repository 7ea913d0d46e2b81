export * from './change-set';
export * from './map-diff';
