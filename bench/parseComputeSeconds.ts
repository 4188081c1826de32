/** The compute_seconds value compute.py printed, in ms; throws when it is missing. */
export function parseComputeMs(stdout: string): number {
  const match = /compute_seconds=([0-9.]+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`compute.py printed no compute_seconds line: ${JSON.stringify(stdout.slice(0, 300))}`);
  return Number(match[1]) * 1000;
}
