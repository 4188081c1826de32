import { appStore, useAppStore } from '../store/useAppStore.ts';
import type { PackageSource } from '../protocol/results.ts';

const SOURCE_TEXT: Record<PackageSource, string> = {
  index: 'this server',
  cdn: 'package CDN',
  pypi: 'PyPI',
  url: 'a wheel URL',
};

/**
 * The session's packages (installed again when it opens, after a Restart and in test interpreters), with Remove;
 * and what a link or a session file asks for from outside the index, with one Install.
 */
export function SessionPackagesList({ disabled }: { disabled: boolean }) {
  const packages = useAppStore((s) => s.sessionPackages);
  const pending = useAppStore((s) => s.pendingPackages);
  return (
    <div className="session-packages" data-testid="session-packages" data-count={packages.length}>
      {pending.length > 0 ? (
        <p className="session-packages-pending" data-testid="pending-packages" role="status">
          This session asks for {pending.map((p) => p.spec).join(', ')} from outside Executor&apos;s index. Nothing was installed.{' '}
          <button
            type="button"
            className="btn btn-small"
            data-testid="pending-packages-install"
            disabled={disabled}
            onClick={() => void appStore.getState().approvePendingPackages()}
          >
            Install them
          </button>
        </p>
      ) : null}
      {packages.length === 0 ? (
        <p className="deps-empty">This session has installed no packages by hand; what it installs is kept with it.</p>
      ) : (
        <table className="deps-table">
          <caption>This session&apos;s packages, installed again when it opens and in every new interpreter</caption>
          <thead>
            <tr>
              <th>Package</th>
              <th>Version</th>
              <th>From</th>
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p) => (
              <tr key={p.spec} data-testid="session-package" data-name={p.name} data-source={p.source}>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.version || '—'}</td>
                <td>{SOURCE_TEXT[p.source]}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    data-testid="session-package-remove"
                    title="Take it off this session's list (it stays loaded until Restart)"
                    onClick={() => appStore.getState().removeSessionPackage(p.name)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
