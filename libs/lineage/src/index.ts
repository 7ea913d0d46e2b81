export * from './asset-walk';
export * from './lineage-arguments';
export * from './lineage.module';
export type { PersonFlowConsent, StartAsset } from './lineage.repository';
export * from './lineage.service';
export * from './lineage.types';
