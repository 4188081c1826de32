/** Where the app serves the sandbox and its files (URL paths on the app's origin). */

/** Pyodide version this build pins and serves from its own origin. */
export const PYODIDE_VERSION = '314.0.7';
/** URL path (on the app origin) the Pyodide runtime files are served from. */
export const PYODIDE_PATH = `/pyodide/v${PYODIDE_VERSION}/`;
/** URL path of the self-hosted package index. */
export const PACKAGES_PATH = '/packages/';
/**
 * The interpreter's working folder: where the project's files are written and the user's code runs. Its name must
 * shadow no importable module: when the project's root is itself a package, pytest names the test modules after it
 * (`/home/pyodide` gave `pyodide.tests...`, which clashed with Pyodide's own `pyodide`).
 */
export const WORKING_DIR = '/home/workspace';
/** URL path of the sandboxed frame document. */
export const FRAME_PATH = '/frame.html';
/** URL path of the frame's own script (allowed by exact path in the frame CSP). */
export const FRAME_SCRIPT_PATH = '/frame/frame.js';
/**
 * Query parameter asking the server for a document without cross-origin isolation headers (COOP/COEP).
 * The page asks for it itself in engines that isolate a page but give it no SharedArrayBuffer (WebKitGTK):
 * there isolation buys nothing and stops the sandbox frame's workers from loading.
 */
export const ISOLATION_OFF_QUERY = 'isolation=off';
