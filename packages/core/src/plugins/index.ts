export { definePlugin, type VajraPlugin, type PluginContext, type VajraPluginApis, type VajraPluginConfigs, type PluginApiOf } from './define-plugin';
export type { AudioStartContext, KernelHooks } from './kernel-hooks';
