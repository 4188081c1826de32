#!/usr/bin/env node
/**
 * `npm test`: runs each stage in order (type check, lint, system packages, the package index, unit tests,
 * end-to-end tests), stops at the first that fails, and prints every stage's duration at the end, so the
 * suite's cost stays visible in every CI log.
 */
import { spawnSync } from 'node:child_process';

const stages = [
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['system packages', 'node', ['scripts/ensureSystemPackages.mjs']],
  ['package index', 'npm', ['run', '--silent', 'packages']],
  ['unit tests', 'npm', ['run', '--silent', 'test:unit']],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
];

/** `754000` → `12 min 34 s`. */
function formatDuration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

const done = [];
let status = 0;
for (const [name, command, args] of stages) {
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit' });
  const ms = Date.now() - started;
  status = run.status ?? 1;
  done.push({ name, ms, ok: status === 0 });
  if (status !== 0) break;
}

const total = done.reduce((sum, s) => sum + s.ms, 0);
console.log('\nnpm test, stage by stage:');
for (const s of done) console.log(`  ${s.ok ? 'ok    ' : 'FAILED'} ${s.name.padEnd(18)} ${formatDuration(s.ms)}`);
console.log(`  total ${formatDuration(total)}`);
process.exit(status);
