import { PYODIDE_VERSION } from '../../protocol/paths.ts';
import type { SessionOrigin } from '../../store/sessionTypes.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';

function describeOrigin(origin: SessionOrigin): string {
  const where = origin.kind === 'link' ? 'a shared link' : `the session file “${origin.fileName ?? ''}”`;
  const files =
    origin.files.length <= 4 ? origin.files.join(', ') : `${origin.files.slice(0, 4).join(', ')} and ${origin.files.length - 4} more`;
  const version =
    origin.pyodide === PYODIDE_VERSION
      ? `Pyodide ${origin.pyodide}`
      : `Pyodide ${origin.pyodide} (this page runs ${PYODIDE_VERSION}: results may differ)`;
  return `This session came from ${where}: ${origin.files.length} file${origin.files.length === 1 ? '' : 's'} (${files}), made with ${version}. It has not been run, and nothing was sent to the assistant: read the code, then press Run.`;
}

/** Where the open session came from (a link or a file; it has not been run), and session problems (a bad link or file). */
export function SessionBanner() {
  const origin = useAppStore((s) => s.sessionOrigin);
  const access = useAppStore((s) => s.sessionAccess);
  const error = useAppStore((s) => s.sessionError);
  const s = appStore.getState();
  return (
    <>
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="session-error">
          <span>{error}</span>
          <button type="button" className="btn btn-small" onClick={() => s.setSessionError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {access !== 'owner' ? (
        <div className="banner banner-origin" role="status" data-testid="session-readonly" data-access={access}>
          <span>
            {access === 'elsewhere'
              ? 'This session is open in another tab, which saves it: here it is read-only, so neither tab overwrites the other.'
              : 'Another tab took this session over: here it is read-only, and nothing you change is saved.'}
          </span>
          <button type="button" className="btn btn-small" data-testid="session-take-over" onClick={() => void s.takeOverSession()}>
            {access === 'elsewhere' ? 'Take over here' : 'Take it back'}
          </button>
        </div>
      ) : null}
      {origin ? (
        <div className="banner banner-origin" role="status" data-testid="share-banner" data-kind={origin.kind}>
          <span>{describeOrigin(origin)}</span>
          <button type="button" className="btn btn-small" onClick={() => s.dismissSessionOrigin()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
