export { coreConfigSchema, type CoreConfig, type CoreConfigInput } from './core-config-schema';
export { resolveConfig } from './resolve-config';
