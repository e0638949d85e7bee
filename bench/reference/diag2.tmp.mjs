import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { toSimulation } from './simulate.mjs';
const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const c = {};
for (const l of lines) {
  const s = JSON.parse(l);
  const r = await runSimulation(toSimulation(s), {});
  const a = r.result.analysis;
  if (a.result !== 'ExplicitlyDenied') continue;
  const sids = [];
  for (const [k, an] of [['id', a.identityAnalysis], ['rp', a.resourceAnalysis], ['pb', a.permissionBoundaryAnalysis], ['sess', a.sessionAnalysis]]) {
    for (const st of an?.denyStatements ?? []) sids.push(k + ':' + st.policyId?.replace(/-\w+$/, '') + '/' + (st.statement.sid() ?? st.statement.index()));
  }
  for (const ou of [...(a.scpAnalysis?.ouAnalysis ?? []), ...(a.rcpAnalysis?.ouAnalysis ?? [])]) for (const st of ou.denyStatements) sids.push('org:' + st.policyId);
  const key = [...new Set(sids)].sort().join(' ');
  c[key] = (c[key] || 0) + 1;
}
for (const [k, v] of Object.entries(c).sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(v, k);
