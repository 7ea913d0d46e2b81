export * from './bulk-map-import.service';
export * from './map-store.service';
export { SCRATCH_PREFIX } from './map-name';
export { writeGraphRows } from './map.repository';
export * from './store.module';
