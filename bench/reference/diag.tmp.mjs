import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { toSimulation } from './simulate.mjs';
const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const c = {};
for (const l of lines) {
  const s = JSON.parse(l);
  const r = await runSimulation(toSimulation(s), {});
  const a = r.result.analysis;
  if (a.result !== 'ImplicitlyDenied') continue;
  const svc = s.request.action.split(':')[0];
  const key = [svc, a.sameAccount ? 'same' : 'xacct', 'id=' + a.identityAnalysis?.result, 'rp=' + a.resourceAnalysis?.result, 'pb=' + (a.permissionBoundaryAnalysis?.result ?? '-'), 'sess=' + (a.sessionAnalysis?.result ?? '-'), 'scp=' + a.scpAnalysis?.result, 'rcp=' + a.rcpAnalysis?.result].join(' ');
  c[key] = (c[key] || 0) + 1;
}
for (const [k, v] of Object.entries(c).sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(v, k);
