import { formatBytes } from '../../format/formatBytes.ts';
import type { StorageProblem } from '../../store/storageTypes.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { exportSessionFile } from './exportSessionFile.ts';

/** The banner's words: what is not saved, and why. */
export function describeStorageProblem(problem: StorageProblem, estimate: { usage: number | null; quota: number | null } | null): string {
  const used =
    estimate?.usage != null
      ? ` Executor uses ${formatBytes(estimate.usage)}${estimate.quota != null ? ` of the ${formatBytes(estimate.quota)} this browser allows it` : ''}.`
      : '';
  const kept = 'What you type stays in this page while it is open: export the session now to keep it.';
  if (problem.kind === 'unavailable')
    return `Nothing is saved in this browser: its storage could not be opened (${problem.detail}; a private window or a blocked site may do this). ${kept}`;
  if (problem.kind === 'quota')
    return `Changes to this session are not being saved: the browser's storage for Executor is full.${used} ${kept} Or free space (Settings → Storage); saving goes on by itself once it fits.`;
  return `Changes to this session are not being saved (${problem.detail}).${used} ${kept}`;
}

/** Says when the open session is not being saved (a full disk, no IndexedDB), with Export now and a way to free space. */
export function StorageBanner() {
  const problem = useAppStore((s) => s.storageProblem);
  const estimate = useAppStore((s) => s.storageEstimate);
  if (!problem) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="storage-banner" data-kind={problem.kind}>
      <span>{describeStorageProblem(problem, estimate)}</span>
      <button type="button" className="btn btn-small" data-testid="storage-export" onClick={() => exportSessionFile(appStore.getState())}>
        Export now
      </button>
      {problem.kind !== 'unavailable' ? (
        <button
          type="button"
          className="btn btn-small"
          data-testid="storage-manage"
          onClick={() => appStore.getState().setSettingsOpen(true)}
        >
          Free space…
        </button>
      ) : null}
    </div>
  );
}
