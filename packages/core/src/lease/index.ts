export type { WorkScope } from './work-scope';
export type { WorkHealth } from './work-coordinator';
export { LEASES_COLLECTION, type LeaseGrant } from './store-lease';
