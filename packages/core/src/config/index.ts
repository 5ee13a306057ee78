export { coreConfigSchema, type CoreConfig, type CoreConfigInput } from './core-config-schema';
export { envOverrides, envVariableName } from './env-overrides';
export { resolveConfig, mergeConfig } from './resolve-config';
