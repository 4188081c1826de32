/**
 * Whether this visit may boot from (and save) memory snapshots: not when the URL says
 * `?snapshots=off`, not in development (Executor's Python changes under a running dev
 * server), and not when the deployment turned them off.
 */
export async function snapshotsWanted(search: string, dev: boolean, deployment: Promise<{ snapshots: boolean } | null>): Promise<boolean> {
  if (dev || /^(off|false|0|no)$/i.test(new URLSearchParams(search).get('snapshots') ?? '')) return false;
  return (await deployment)?.snapshots ?? true;
}
