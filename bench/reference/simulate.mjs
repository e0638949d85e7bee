#!/usr/bin/env node
// Runs simulation-format scenarios (DESIGN.md section 3) through the reference simulator
// @cloud-copilot/iam-simulate and prints one line per scenario in the output contract of
// `iamlab simulate --jsonl` (DESIGN.md section 4):
//   {"id": ..., "decision": "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied"}
//   {"id": ..., "error": "..."}
//
// Usage: node simulate.mjs [FILE|-] [--details] [--stats]
//   FILE      JSONL, one scenario a line (a single JSON object per line); stdin when absent or "-".
//   --details add "reference": {resultType, blockedBy, ignoredContextKeys} to each decided line.
//   --stats   print "reference: N scenarios (E errors) in S s, R scenarios/s" to stderr at the end.
// Exit status: 0 all lines decided, 1 some line failed, 2 unusable arguments.
//
// This is a benchmark/differential-testing tool only; nothing here ships with IAM Lab.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { anonymousPrincipal, runSimulation } from '@cloud-copilot/iam-simulate';

const USAGE = 'usage: node simulate.mjs [FILE|-] [--details] [--stats]';

function parseArgs(argv) {
  const opts = { file: '-', details: false, stats: false };
  let fileSeen = false;
  for (const arg of argv) {
    if (arg === '--details') opts.details = true;
    else if (arg === '--stats') opts.stats = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (arg.startsWith('--') || fileSeen) {
      process.stderr.write(`unusable argument \`${arg}\`\n${USAGE}\n`);
      process.exit(2);
    } else {
      opts.file = arg;
      fileSeen = true;
    }
  }
  return opts;
}

/** A scenario problem that is reported as an error line rather than a decision. */
class ScenarioError extends Error {}

const EVALUATION_RESULTS = new Set(['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied']);

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function accountOfArn(arn) {
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  return parts.length >= 6 && parts[4] ? parts[4] : undefined;
}

/**
 * The resource owner's account: `resourceAccount` when given, else the account in the resource ARN,
 * else (S3 ARNs and "*" carry none) the principal's account.
 */
function resourceAccountOf(request) {
  if (request.resourceAccount !== undefined && request.resourceAccount !== null) {
    if (typeof request.resourceAccount !== 'string') {
      throw new ScenarioError('`request.resourceAccount` must be a string');
    }
    return request.resourceAccount;
  }
  return accountOfArn(request.resource) ?? accountOfArn(request.principal) ?? '';
}

function contextOf(request) {
  const context = request.context ?? {};
  if (!isObject(context)) throw new ScenarioError('`request.context` must be an object');
  for (const [key, value] of Object.entries(context)) {
    const ok =
      typeof value === 'string' ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!ok) {
      throw new ScenarioError(`context key \`${key}\`: values are strings or arrays of strings`);
    }
  }
  return context;
}

function namedPolicies(list, what) {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ScenarioError(`\`${what}\` must be an array`);
  return list.map((entry, index) => {
    if (!isObject(entry) || !isObject(entry.policy)) {
      throw new ScenarioError(`\`${what}[${index}]\` must be {"name": ..., "policy": {...}}`);
    }
    return { name: String(entry.name ?? `${what}-${index}`), policy: entry.policy };
  });
}

/** SCP / RCP levels, root first, account last. Absent means "no organization": no levels at all. */
function orgLevels(list, what) {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ScenarioError(`\`${what}\` must be an array`);
  return list.map((level, index) => {
    if (!isObject(level)) throw new ScenarioError(`\`${what}[${index}]\` must be an object`);
    return {
      orgIdentifier: String(level.name ?? `${what}-level-${index}`),
      policies: namedPolicies(level.policies, `${what}[${index}].policies`)
    };
  });
}

function optionalDocument(value, what) {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new ScenarioError(`\`${what}\` must be a policy object or null`);
  return value;
}

/** Translates one simulation-format scenario into the reference simulator's `Simulation`. */
export function toSimulation(scenario) {
  if (!isObject(scenario)) throw new ScenarioError('a scenario must be a JSON object');
  const request = scenario.request;
  if (!isObject(request)) throw new ScenarioError('missing `request`');
  for (const field of ['principal', 'action', 'resource']) {
    if (typeof request[field] !== 'string' || request[field] === '') {
      throw new ScenarioError(`\`request.${field}\` must be a non-empty string`);
    }
  }
  const principal = request.principal === 'anonymous' ? anonymousPrincipal : request.principal;
  const boundary = optionalDocument(scenario.permissionsBoundary, 'permissionsBoundary');
  const resourcePolicy = optionalDocument(scenario.resourcePolicy, 'resourcePolicy');
  const sessionPolicy = optionalDocument(scenario.sessionPolicy, 'sessionPolicy');
  const simulation = {
    request: {
      principal,
      action: request.action,
      resource: { resource: request.resource, accountId: resourceAccountOf(request) },
      contextVariables: contextOf(request)
    },
    identityPolicies: namedPolicies(scenario.identityPolicies, 'identityPolicies'),
    serviceControlPolicies: orgLevels(scenario.serviceControlPolicies, 'serviceControlPolicies'),
    // RCPFullAWSAccess is added at every level by the simulator itself, as in our format.
    resourceControlPolicies: orgLevels(scenario.resourceControlPolicies, 'resourceControlPolicies')
  };
  if (resourcePolicy) simulation.resourcePolicy = resourcePolicy;
  if (sessionPolicy) simulation.sessionPolicy = sessionPolicy;
  if (boundary) {
    simulation.permissionBoundaryPolicies = [{ name: 'PermissionsBoundary', policy: boundary }];
  }
  return simulation;
}

/** Turns the simulator's error result into one line of text, naming the failing policies. */
function describeErrors(errors) {
  const parts = [errors.message];
  const named = [
    ['identity policy', errors.identityPolicyErrors],
    ['SCP', errors.serviceControlPolicyErrors],
    ['RCP', errors.resourceControlPolicyErrors],
    ['permissions boundary', errors.permissionBoundaryErrors]
  ];
  for (const [kind, byName] of named) {
    for (const [name, list] of Object.entries(byName ?? {})) {
      parts.push(`${kind} \`${name}\`: ${list.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
  }
  for (const [kind, list] of [
    ['resource policy', errors.resourcePolicyErrors],
    ['session policy', errors.sessionPolicyErrors]
  ]) {
    if (list?.length) parts.push(`${kind}: ${list.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  if (errors.anonymousRequestErrors?.length) parts.push(errors.anonymousRequestErrors.join(', '));
  return parts.join(': ');
}

/**
 * The simulator's vocabulary is already ours for the overall result (`EvaluationResult` is
 * 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied'). Its per-policy resource results
 * ('NotApplicable', 'AllowedForAccount', 'DeniedForAccount') never reach `overallResult`;
 * a 'wildcard' result (resource ARN containing `*` for an action that is not wildcard-only) is
 * Allowed if any expanded pattern is allowed, ExplicitlyDenied only if all are, else ImplicitlyDenied.
 */
function decisionOf(response) {
  if (response.resultType === 'error') throw new ScenarioError(describeErrors(response.errors));
  const decision = response.overallResult;
  if (!EVALUATION_RESULTS.has(decision)) {
    throw new ScenarioError(`reference simulator returned unknown result \`${decision}\``);
  }
  return decision;
}

function detailsOf(response) {
  if (response.resultType === 'single') {
    return {
      resultType: 'single',
      blockedBy: response.result.analysis.blockedBy ?? [],
      ignoredContextKeys: response.result.ignoredContextKeys ?? []
    };
  }
  return {
    resultType: 'wildcard',
    patterns: response.results.map((r) => ({ pattern: r.resourcePattern, result: r.analysis.result }))
  };
}

function parseLine(text, lineNumber) {
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(e.message);
    const column = at ? Number(at[1]) + 1 : text.length + 1;
    throw new ScenarioError(`line ${lineNumber}, column ${column}: ${e.message}`);
  }
}

function guessId(text) {
  const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text);
  if (!m) return null;
  try {
    return JSON.parse(m[1]);
  } catch {
    return null;
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const input = opts.file === '-' ? process.stdin : createReadStream(opts.file);
  input.on('error', (e) => {
    process.stderr.write(`cannot read \`${opts.file}\`: ${e.message}\n`);
    process.exit(2);
  });
  const lines = createInterface({ input, crlfDelay: Infinity });

  let out = [];
  let outBytes = 0;
  const flush = async () => {
    if (out.length === 0) return;
    const chunk = out.join('');
    out = [];
    outBytes = 0;
    if (!process.stdout.write(chunk)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  };
  const emit = async (obj) => {
    const line = JSON.stringify(obj) + '\n';
    out.push(line);
    outBytes += line.length;
    if (outBytes > 1 << 16) await flush();
  };

  const started = process.hrtime.bigint();
  let lineNumber = 0;
  let count = 0;
  let failed = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    count++;
    let id = null;
    try {
      const scenario = parseLine(text, lineNumber);
      id = isObject(scenario) && 'id' in scenario ? scenario.id : `line-${lineNumber}`;
      const response = await runSimulation(toSimulation(scenario), { simulationMode: 'Strict' });
      const line = { id, decision: decisionOf(response) };
      if (opts.details) line.reference = detailsOf(response);
      await emit(line);
    } catch (e) {
      failed++;
      if (id === null) id = guessId(text);
      const message = e instanceof ScenarioError ? e.message : `reference simulator failed: ${e.message}`;
      await emit({ id, error: message });
    }
  }
  await flush();
  if (opts.stats) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = seconds > 0 ? (count / seconds).toFixed(1) : 'n/a';
    process.stderr.write(
      `reference: ${count} scenarios (${failed} errors) in ${seconds.toFixed(3)} s, ${rate} scenarios/s\n`
    );
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

// Run when invoked as a script; importing this module (for toSimulation) runs nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
