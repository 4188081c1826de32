import { useEffect } from 'react';
import { formatBytes } from '../format/formatBytes.ts';
import type { Persistence } from '../store/storageTypes.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';

const PERSISTENCE: Record<Persistence, string> = {
  granted: 'Persistent storage: granted. The browser will not delete Executor’s sessions to make room.',
  denied:
    'Persistent storage: not granted. Under storage pressure the browser may delete what Executor keeps; export sessions you care about.',
  unasked: 'Persistent storage: asked for once you have saved work.',
  unsupported: 'Persistent storage: this browser cannot be asked for it.',
};

function Row(props: { testId: string; label: string; bytes: number; what: string; onDelete(): void }) {
  return (
    <tr data-testid={props.testId}>
      <th scope="row">{props.label}</th>
      <td className="storage-size">{formatBytes(props.bytes)}</td>
      <td>
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Delete ${props.what}`}
          onClick={() => {
            if (window.confirm(`Delete ${props.what}? This cannot be undone.`)) props.onDelete();
          }}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

/** What Executor keeps in this browser: per session, snapshots and package files, each with Delete; and persistence. */
export function StorageSettings() {
  const report = useAppStore((s) => s.storageReport);
  const persistence = useAppStore((s) => s.persistence);
  const current = useAppStore((s) => s.currentSessionId);
  const shown = useAppStore((s) => s.settingsOpen);
  const s = appStore.getState();
  // Measured each time the dialog opens (it stays mounted while closed).
  useEffect(() => {
    if (shown) void appStore.getState().refreshStorageReport();
  }, [shown]);
  if (!report) return <p className="settings-note">Measuring…</p>;
  const total =
    report.usage != null
      ? `Executor uses ${formatBytes(report.usage)} in this browser${report.quota != null ? `, of ${formatBytes(report.quota)} it may use` : ''}.`
      : 'This browser does not say how much space Executor uses.';
  return (
    <>
      <p className="settings-note" data-testid="storage-total">
        {total}
      </p>
      <p className="settings-note" data-testid="storage-persistence" data-persistence={persistence}>
        {PERSISTENCE[persistence]}
      </p>
      <table className="storage-table">
        <tbody>
          {report.sessions.map((session) => (
            <Row
              key={session.id}
              testId="storage-session"
              label={`Session “${session.name}”${session.id === current ? ' (open)' : ''}`}
              bytes={session.bytes}
              what={`the session “${session.name}”, its files and its run history`}
              onDelete={() => void s.deleteSession(session.id).then(() => s.refreshStorageReport())}
            />
          ))}
          <Row
            testId="storage-snapshots"
            label="Python snapshots (faster starts)"
            bytes={report.snapshots}
            what="the Python snapshots (the next start takes longer and makes a new one)"
            onDelete={() => void s.deleteSnapshots()}
          />
          <Row
            testId="storage-packages"
            label="Downloaded packages"
            bytes={report.packageCache}
            what="the downloaded package files (the next install of each downloads it again)"
            onDelete={() => void s.deletePackageCache()}
          />
        </tbody>
      </table>
    </>
  );
}
