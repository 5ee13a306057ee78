// Rewrites the golden PNGs from test/golden-cases.ts. Run after an intended change to a picture:
//   pnpm --filter @vajra-stream/visuals goldens
// then look at every changed file under test/__fixtures__/goldens before committing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { GOLDEN_CASES } from './golden-cases';
import { rasterise } from './helpers/raster';

const directory = new URL('./__fixtures__/goldens/', import.meta.url);
mkdirSync(directory, { recursive: true });
for (const [name, draw] of Object.entries(GOLDEN_CASES)) {
  writeFileSync(new URL(`${name}.png`, directory), await rasterise(draw()));
  console.log(`wrote ${name}.png`);
}
