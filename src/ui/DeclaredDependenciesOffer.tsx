import { useEffect } from 'react';
import { appStore, useAppStore } from '../store/useAppStore.ts';

const rootText = (path: string) => (s: ReturnType<typeof appStore.getState>) => {
  const file = s.files.find((f) => f.path === path);
  return file && 'content' in file ? file.content : null;
};

/**
 * The dependencies the project's root requirements.txt or pyproject.toml declares, offered as one Install
 * (a run never installs them), with what cannot be met (requires-python, lines that are not requirements).
 */
export function DeclaredDependenciesOffer({ disabled }: { disabled: boolean }) {
  const requirements = useAppStore(rootText('requirements.txt'));
  const pyproject = useAppStore(rootText('pyproject.toml'));
  const ready = useAppStore((s) => s.status.state === 'ready');
  const declared = useAppStore((s) => s.declared);
  useEffect(() => {
    if (ready) void appStore.getState().readDeclared();
  }, [requirements, pyproject, ready]);
  if (!declared || (declared.install.length === 0 && declared.problems.length === 0)) return null;
  return (
    <div className="declared-deps" data-testid="declared-deps" data-count={declared.install.length}>
      <p>
        {declared.sources.join(' and ')} {declared.sources.length > 1 ? 'declare' : 'declares'}:{' '}
        {declared.install.map((r) => r.requirement).join(', ') || 'nothing to install'}.{' '}
        {declared.install.length > 0 ? (
          <button
            type="button"
            className="btn btn-small"
            data-testid="declared-install"
            disabled={disabled}
            onClick={() => void appStore.getState().installDeclared()}
          >
            Install ({declared.install.length})
          </button>
        ) : null}
      </p>
      {declared.problems.length > 0 ? (
        <ul className="field-message" data-testid="declared-problems">
          {declared.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
