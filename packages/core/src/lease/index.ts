export type { WorkScope } from './work-scope';
export type { WorkHealth } from './work-coordinator';
export type { LeaseGrant } from './store-lease';
