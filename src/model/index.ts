export type * from './catalog.js';
export { VENDORS, STATUSES } from './catalog.js';
export type * from './facts.js';
export type * from './report.js';
export type * from './effort.js';
export type * from './inventory.js';
