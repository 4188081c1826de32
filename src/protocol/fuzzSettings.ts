/**
 * fast-check settings for the protocol properties (issue #37): a fixed seed in CI so a failure reproduces,
 * more cases by hand with `FC_RUNS=10000 FC_SEED=<n> npx vitest run <file>`.
 */
export const FUZZ = {
  seed: Number(process.env.FC_SEED ?? 20261207),
  numRuns: Number(process.env.FC_RUNS ?? 300),
};
