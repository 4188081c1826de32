#!/usr/bin/env node
/**
 * Makes sure the Debian packages the tests need are installed: Chromium (the
 * end-to-end browser; `npx playwright install` cannot download here), redis-server
 * (the shared rate-limit test), nginx (the MCP replicas behind a load balancer), python3-pytest and python3-hypothesis (native pytest, whose summary
 * lines the test runner's counts are checked against), Firefox ESR, WebKitGTK's
 * driver and Xvfb (the cross-engine smoke suite). Installs them with apt when it can,
 * otherwise says exactly what to install and exits non-zero.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { pkg: 'chromium', bin: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { pkg: 'redis-server', bin: '/usr/bin/redis-server' },
  // The load-balancer test of the MCP server's replicas (e2e/mcp/replicas.spec.ts, docs/deploy.md).
  { pkg: 'nginx', bin: process.env.NGINX_PATH ?? '/usr/sbin/nginx' },
  { pkg: 'python3-pytest', bin: '/usr/lib/python3/dist-packages/pytest/__init__.py' },
  // Native Hypothesis, for the parity check of property-based tests (src/worker/pytestParity.test.ts).
  { pkg: 'python3-hypothesis', bin: '/usr/lib/python3/dist-packages/hypothesis/__init__.py' },
  // The cross-engine smoke suite (e2e/engines): Firefox over WebDriver BiDi, WebKitGTK's MiniBrowser over
  // WebDriver, and a virtual display for MiniBrowser (it has no headless mode). E2E_ENGINES=off skips them.
  ...(process.env.E2E_ENGINES === 'off'
    ? []
    : [
        { pkg: 'firefox-esr', bin: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
        { pkg: 'webkit2gtk-driver', bin: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver' },
        { pkg: 'xvfb', bin: '/usr/bin/Xvfb' },
      ]),
].filter((n) => !existsSync(n.bin));

if (needed.length === 0) process.exit(0);

const names = needed.map((n) => n.pkg).join(' ');
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

if (!hasApt || (!isRoot && !canSudo)) {
  console.error(
    `The tests need these system packages, which are missing: ${names}.\n` +
      `Install them (Debian/Ubuntu: sudo apt-get install -y ${names}), or set CHROMIUM_PATH to a Chromium binary (E2E_ENGINES=off leaves out Firefox and WebKitGTK), then run npm test again.`,
  );
  process.exit(1);
}

console.log(`Installing ${names} with apt-get (needed by the tests)...`);
const prefix = isRoot ? [] : ['sudo', '-n'];
const run = (args) => {
  const [cmd, ...rest] = [...prefix, ...args];
  execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', ...needed.map((n) => n.pkg)]);
