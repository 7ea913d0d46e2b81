// The synthetic data-map generator: deterministic maps of any size with planted violations of every rule.
export { scenarioCatalogueMap } from './catalogue-map';
export { generateMap, plantingPlan } from './generate-map';
export type { GenerationSummary } from './generate-map';
export { defaultMapName, defaultTruthFile, generateOptionProblems, MAX_SCALE, MAX_SEED, MIN_SCALE } from './options';
export type { GenerateOptions, OptionNames } from './options';
export { RULE_IDS, RULE_SEVERITY } from './planted';
export type { ExpectedFinding, RuleId, Severity, TargetKind } from './planted';
export type { GroundTruth } from './truth';
