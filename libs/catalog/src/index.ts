export * from './catalog.module';
export * from './catalog.service';
export * from './catalog.types';
export * from './element-defaults';
export * from './element-rows';
export type { MapEntry } from './map-directory.repository';
export * from './map-directory.service';
export * from './map-info';
