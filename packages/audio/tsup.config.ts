import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig([
  packageBuild({ index: 'src/index.ts', 'node/index': 'src/node/index.ts' }),
  // The AudioWorklet module must be self-contained (worklets cannot resolve bare imports).
  packageBuild({ 'worklet/index': 'src/worklet/index.ts' }, { clean: false, target: 'es2022', platform: 'browser', noExternal: [/.*/], minify: true }),
]);
