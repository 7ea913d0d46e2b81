export * from './change-set';
export * from './map-diff';
export * from './change-set-validation';
export * from './apply-change-set';
export * from './element-changes';
export * from './map-references';
export * from './recipients-of-map';
export * from './diff-builder';
