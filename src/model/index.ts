export type * from './catalog.js';
export { VENDORS } from './catalog.js';
export * from './status.js';
export type * from './facts.js';
export type * from './report.js';
export type * from './effort.js';
export type * from './inventory.js';
