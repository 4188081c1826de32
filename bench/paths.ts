import { join } from 'node:path';

/** The bench folder. */
export const BENCH_DIR = import.meta.dirname;
/** The repository root. */
export const REPO_DIR = join(BENCH_DIR, '..');
/** Where the bench builds the app (never the shared dist/). */
export const BENCH_DIST_DIR = join(BENCH_DIR, '.dist');
/** The bare baseline page and its worker. */
export const BARE_DIR = join(BENCH_DIR, 'bare');
/** URL path the bare page is served under. */
export const BARE_PATH = '/bench-bare/';
/** Where results are written. */
export const RESULTS_DIR = join(BENCH_DIR, 'results');
/** The compute program run in all three interpreters. */
export const COMPUTE_PROGRAM = join(BENCH_DIR, 'programs', 'compute.py');
/** The self-hosted package index in the bench's build (Jedi's wheels for the bare baseline). */
export const PUBLIC_PACKAGES_DIR = join(BENCH_DIST_DIR, 'packages');
