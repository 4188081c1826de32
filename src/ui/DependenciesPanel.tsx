import { appStore, useAppStore } from '../store/useAppStore.ts';
import type { ImportReport } from '../protocol/results.ts';
import { DownloadProgress } from './DownloadProgress.tsx';
import { InstallByName } from './InstallByName.tsx';
import { DeclaredDependenciesOffer } from './DeclaredDependenciesOffer.tsx';
import { SessionPackagesList } from './SessionPackagesList.tsx';

const VERDICT_TEXT: Record<ImportReport['verdict'], string> = {
  stdlib: 'standard library',
  loaded: 'loaded',
  available: 'available in the index',
  installed: 'importable',
  unknown: 'unknown: not in the index',
};

/** Dependency analysis of the editor's code, with one click to load what is needed. */
export function DependenciesPanel() {
  const deps = useAppStore((s) => s.dependencies);
  const busy = useAppStore((s) => s.packagesBusy);
  const error = useAppStore((s) => s.packagesError);
  const autoLoad = useAppStore((s) => s.autoLoadPackages);
  const ready = useAppStore((s) => s.status.state === 'ready' && !s.running);
  const needed = deps?.filter((d) => d.verdict === 'available') ?? [];
  return (
    <section className="panel deps" data-testid="deps-panel" aria-label="Packages">
      <div className="deps-actions">
        <button
          type="button"
          className="btn"
          data-testid="deps-analyze"
          disabled={!ready || busy !== null}
          onClick={() => void appStore.getState().analyzeDependencies()}
        >
          {busy === 'analyzing' ? 'Analyzing…' : 'Analyze imports'}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="deps-install"
          disabled={!ready || busy !== null || needed.length === 0}
          onClick={() => void appStore.getState().installNeeded()}
        >
          {busy === 'installing' ? 'Loading…' : `Load needed (${needed.length})`}
        </button>
        <label className="deps-auto">
          <input
            type="checkbox"
            data-testid="deps-autoload"
            checked={autoLoad}
            onChange={(e) => appStore.getState().setAutoLoadPackages(e.target.checked)}
          />
          Load imported packages before each run
        </label>
      </div>
      <InstallByName disabled={!ready || busy !== null} />
      <DeclaredDependenciesOffer disabled={!ready || busy !== null} />
      <DownloadProgress />
      <SessionPackagesList disabled={!ready || busy !== null} />
      {error ? (
        <p className="field-message" role="alert">
          {error}
        </p>
      ) : null}
      {deps && deps.length === 0 ? <p className="deps-empty">The code imports nothing.</p> : null}
      {deps && deps.length > 0 ? (
        <table className="deps-table">
          <thead>
            <tr>
              <th>Import</th>
              <th>Verdict</th>
              <th>Package</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {deps.map((d) => (
              <tr key={d.module} data-testid="deps-row" data-verdict={d.verdict}>
                <td>
                  <code>{d.module}</code>
                </td>
                <td>{VERDICT_TEXT[d.verdict]}</td>
                <td>{d.package ?? '—'}</td>
                <td>{d.source === 'self-hosted' ? 'this server' : d.source === 'cdn' ? 'package CDN (online)' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
