export * from './cursor';
export * from './dates';
export * from './errors';
export * from './ids';
export * from './answer-cache';
export * from './actor';
export * from './locale';
