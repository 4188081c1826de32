import { TRUSTED_TYPES_POLICIES } from '../src/protocol/trustedTypesPolicies.ts';
/**
 * Every security header Executor serves, in one place: used by the production
 * server and by the Vite dev server, so both serve the same isolation.
 */
import { FRAME_SCRIPT_PATH, PACKAGES_PATH, PYODIDE_PATH } from '../src/protocol/paths.ts';

/** A header name → value map. */
export type Headers = Record<string, string>;

const common: Headers = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Permitted-Cross-Domain-Policies': 'none',
  // Ignored by browsers over plain HTTP (RFC 6797 8.1); kept to this host (no includeSubDomains): the
  // deployment's other subdomains are not Executor's to decide.
  'Strict-Transport-Security': 'max-age=31536000',
};

/**
 * Powerful features neither the page nor the sandbox uses, denied to both (and so to anything they embed).
 * Only features Chromium knows are listed (an unknown one is a console error there: Debian's Chromium 156
 * does not know bluetooth or web-share). `cross-origin-isolated`
 * is left to its default: the frame needs it (SharedArrayBuffer: Stop, input(), the debugger).
 */
export const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
  'sync-xhr',
  'gamepad',
  'keyboard-map',
  'unload',
] as const;

/**
 * The Permissions-Policy header: every feature in {@link DENIED_FEATURES} denied; with `clipboard`, the page's own
 * clipboard (its Copy buttons write, the editor's context-menu Paste reads, each behind the browser's prompt).
 */
export function permissionsPolicy(options: { clipboard: boolean }): string {
  const clipboard = options.clipboard ? '(self)' : '()';
  return [...DENIED_FEATURES.map((f) => `${f}=()`), `clipboard-read=${clipboard}`, `clipboard-write=${clipboard}`].join(', ');
}

/**
 * Headers of the app page and its same-origin assets: cross-origin isolated
 * (COOP + COEP) so the sandbox frame can use SharedArrayBuffer, and never framed.
 * `packageSources` (the package CDN, PyPI's hosts) are where the page may fetch
 * packages for the sandbox, which may fetch nothing itself.
 */
export function pageHeaders(options: { dev?: boolean; isolated?: boolean; packageSources?: string[] } = {}): Headers {
  const devScript = options.dev ? " 'unsafe-inline'" : '';
  const devConnect = options.dev ? ' ws: wss:' : '';
  const packageConnect = (options.packageSources ?? []).map((s) => ` ${s}`).join('');
  // Off only to serve as a static host without these headers would (EXECUTOR_CROSS_ORIGIN_ISOLATION=off): reduced.
  const isolation: Headers =
    options.isolated === false ? {} : { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  return {
    ...common,
    ...isolation,
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': permissionsPolicy({ clipboard: true }),
    'Content-Security-Policy': [
      "default-src 'self'",
      // Ruff's WebAssembly (a trusted linter in a worker of the page's own; Python never runs on the page).
      `script-src 'self' 'wasm-unsafe-eval'${devScript}`,
      // Kept, measured (2026-12-07): without it Monaco loses its token colours (a <style> element it writes) and the
      // style attributes of every line it renders as HTML (94 refusals opening one file), and a program's HTML output
      // (its srcdoc frame inherits this CSP) loses its own styles.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "frame-src 'self'",
      `connect-src 'self'${packageConnect}${devConnect}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      // Every string that reaches an HTML or script-URL sink goes through a named policy (src/ui/trustedTypes.ts).
      "require-trusted-types-for 'script'",
      `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')} 'allow-duplicates'`,
    ].join('; '),
  };
}

/**
 * Headers of the sandbox frame document. `origin` is the app's own origin: the
 * frame may run only the app's frame script, may connect nowhere (the page hands
 * it Pyodide's files and every package file, from the index, the CDN or PyPI),
 * may start only blob: workers, and may be embedded only by the app.
 */
export function frameHeaders(origin: string, isolated = true): Headers {
  return {
    ...common,
    ...(isolated ? { 'Cross-Origin-Embedder-Policy': 'require-corp' } : {}),
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cache-Control': 'no-cache',
    'Permissions-Policy': permissionsPolicy({ clipboard: false }),
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src ${origin}${FRAME_SCRIPT_PATH} 'wasm-unsafe-eval'`,
      "connect-src 'none'",
      // data: for WebKit with SharedArrayBuffer, which refuses blob: workers in the opaque frame (createWorkerHandle.ts).
      'worker-src blob: data:',
      `frame-ancestors ${origin}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  };
}

/**
 * Headers of files the opaque-origin frame and its workers load (Pyodide, the
 * packages, the frame script): their requests come from origin "null", so they
 * need CORS and a cross-origin resource policy.
 */
export function sandboxAssetHeaders(options: { immutable: boolean }): Headers {
  return {
    ...common,
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cache-Control': options.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

/** True for URL paths served with {@link sandboxAssetHeaders}. */
export function isSandboxAsset(path: string): boolean {
  return path.startsWith(PYODIDE_PATH) || path.startsWith(PACKAGES_PATH) || path === FRAME_SCRIPT_PATH;
}

/**
 * The app's public origin for a request: PUBLIC_ORIGIN when set (behind a
 * TLS-terminating proxy), else the request's own scheme and host.
 */
export function publicOrigin(requestUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  return configured || new URL(requestUrl).origin;
}
