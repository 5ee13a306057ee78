import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The two builds run concurrently, so neither may clean dist/ (the build script empties it first).
export default defineConfig([
  packageBuild({ index: 'src/index.ts', 'node/index': 'src/node/index.ts' }, { clean: false }),
  // The AudioWorklet module must be self-contained (worklets cannot resolve bare imports).
  packageBuild({ 'worklet/index': 'src/worklet/index.ts' }, { clean: false, target: 'es2022', platform: 'browser', noExternal: [/.*/], minify: true }),
]);
