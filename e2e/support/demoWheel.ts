import { buildWheel } from '../../scripts/packages/buildWheel.mjs';

/** The module inside the wheel the CDN stand-in serves, and what it holds. */
export const DEMO_WHEEL_MODULE = 'cdn_demo';
export const DEMO_GREETING = 'hello from the CDN stand-in';

/** Builds the small pure-Python wheel the CDN stand-in serves. */
export function demoWheel() {
  return buildWheel({
    name: 'cdn-demo',
    version: '1.0',
    files: [{ path: `${DEMO_WHEEL_MODULE}/__init__.py`, data: Buffer.from(`GREETING = ${JSON.stringify(DEMO_GREETING)}\n`) }],
    metadata: 'Metadata-Version: 2.1\nName: cdn-demo\nVersion: 1.0\n',
  });
}
