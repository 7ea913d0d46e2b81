export * from './change-request';
export * from './changes.module';
export * from './changes.service';
export * from './map-diff';
export * from './pending';
export * from './review.service';
