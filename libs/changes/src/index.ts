export * from './change-request';
export * from './changes.module';
export * from './changes.service';
export * from './diff-builder';
export * from './map-diff';
export * from './render-map-diff';
export * from './review.service';
