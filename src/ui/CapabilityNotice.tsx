import { reducedCapabilitiesNotice } from '../protocol/capabilities.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

/** Said once, under the status line, when the sandbox has no shared memory here: what is reduced, why, what to do. */
export function CapabilityNotice() {
  const capabilities = useAppStore((s) => s.capabilities);
  const closed = useAppStore((s) => s.capabilityNoticeClosed);
  if (!capabilities || capabilities.sharedMemory || closed) return null;
  return (
    <div className="capability-notice" role="status" data-testid="capability-notice">
      <span>{reducedCapabilitiesNotice(capabilities.reason ?? 'this browser gives the sandbox no SharedArrayBuffer')}</span>
      <button
        type="button"
        className="btn btn-small"
        aria-label="Close this notice"
        onClick={() => appStore.getState().closeCapabilityNotice()}
      >
        ×
      </button>
    </div>
  );
}
