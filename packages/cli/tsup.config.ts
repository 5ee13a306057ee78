import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// `bin` is what bin/vajra.js runs, `speaker-host` the child process of `vajra play`; `index` is the programmatic entry.
// Every output lands at the root of dist/ (play-on-speaker.ts finds speaker-host.js there).
export default defineConfig(packageBuild({ index: 'src/index.ts', bin: 'src/bin.ts', 'speaker-host': 'src/speaker/speaker-host.ts' }));
