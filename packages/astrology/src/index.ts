/**
 * @module
 */
export { chart } from './chart/chart';
export { moonPhase } from './phases/moon-phase';
export { findMoonPhases } from './phases/find-moon-phases';
export { findEclipses } from './phases/find-eclipses';
