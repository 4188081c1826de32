import { appStore, useAppStore } from '../../store/useAppStore.ts';

/** In the console after a reload or a switch: "Re-run history" rebuilds the variables from the recorded runs. */
export function ReplayOffer() {
  const offer = useAppStore((s) => s.replayOffer);
  const canRun = useAppStore((s) => s.engine !== null && s.status.state !== 'failed' && !s.running);
  if (offer === null) return null;
  const s = appStore.getState();
  return (
    <div className="replay-offer" data-testid="replay-offer">
      <button type="button" className="btn btn-small" data-testid="rerun-history" disabled={!canRun} onClick={() => void s.replayHistory()}>
        Re-run history ({offer} run{offer === 1 ? '' : 's'})
      </button>
      <button type="button" className="btn btn-small" onClick={() => s.dismissReplayOffer()}>
        Dismiss
      </button>
    </div>
  );
}
