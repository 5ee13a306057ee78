import { findEclipses, findMoonPhases } from '../src/index';
import { deltaT } from '../src/time/delta-t-at';
const SOLAR = ['2016-03-09T01:58:19Z','2017-02-26T14:54:33Z','2017-08-21T18:26:40Z','2019-07-02T19:24:08Z','2020-06-21T06:41:15Z','2020-12-14T16:14:39Z','2022-10-25T11:01:20Z','2024-04-08T18:18:29Z','2024-10-02T18:46:13Z','2023-04-20T04:17:56Z','2021-06-10T10:43:07Z','2021-12-04T07:34:38Z'];
const f = findEclipses({ from: '2016-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' });
for (const s of SOLAR) { const e = Date.parse(s); const h = f.find((x) => x.type === 'solar' && Math.abs(x.time - e) < 3600e3)!; console.log(s, ((h.time + deltaT(h.time) * 1000 - e) / 1000).toFixed(1)); }
const p = findMoonPhases({ from: '1977-02-15T00:00:00Z', to: '1977-02-20T00:00:00Z' })[0]!;
console.log('meeus new moon diff s', (p.time - Date.parse('1977-02-18T03:36:52.4Z')) / 1000);
