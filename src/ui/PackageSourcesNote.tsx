import { useAppStore } from '../store/useAppStore.ts';

/** The settings' "Package sources": this server's index first, then the package CDN (or none). */
export function PackageSourcesNote() {
  const sources = useAppStore((s) => s.packageSources);
  if (!sources)
    return (
      <p className="settings-note" data-testid="package-sources">
        Package sources are not known (the page was not served by Executor's server).
      </p>
    );
  return (
    <div className="settings-note" data-testid="package-sources">
      <p>Packages load from, in this order:</p>
      <ol>
        <li data-testid="package-source-self">
          this server (<code>{sources.selfHosted.path}</code>, works offline):{' '}
          {sources.selfHosted.packages.length ? sources.selfHosted.packages.join(', ') : 'none built (run "npm run packages")'}
        </li>
        <li data-testid="package-source-cdn">
          {sources.cdn ? (
            <>
              the package CDN <code>{sources.cdn}</code> for everything else in Pyodide's index (needs the internet)
            </>
          ) : (
            'no package CDN: the deployment turned it off (EXECUTOR_PACKAGE_CDN=off)'
          )}
        </li>
        <li data-testid="package-source-pypi">
          {sources.pypi ? (
            <>
              {sources.pypi.index === 'pypi' ? 'PyPI' : <code>{sources.pypi.index}</code>} for pure-Python packages in neither, installed
              with micropip (needs the internet)
            </>
          ) : (
            'no installs from PyPI: the deployment turned them off (EXECUTOR_PYPI_URL=off)'
          )}
        </li>
      </ol>
      <p>The deployment sets these with EXECUTOR_PACKAGE_CDN and EXECUTOR_PYPI_URL; safe mode's allowed modules decide what may load.</p>
    </div>
  );
}
