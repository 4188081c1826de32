import { appStore, useAppStore } from '../store/useAppStore.ts';

/** Tabs of the open files; the active one is what Run executes as __main__. */
export function EditorTabs() {
  const open = useAppStore((s) => s.openPaths);
  const active = useAppStore((s) => s.viewingPath ?? s.activePath);
  return (
    <nav className="tabs" aria-label="Open files">
      {open.map((path) => (
        <div key={path} className={`tab${path === active ? ' tab-active' : ''}`} data-testid="editor-tab" data-path={path}>
          <button
            type="button"
            className="tab-name"
            aria-current={path === active ? 'page' : undefined}
            onClick={() => appStore.getState().openFile(path)}
            title={path}
          >
            {path.slice(path.lastIndexOf('/') + 1)}
          </button>
          {open.length > 1 ? (
            <button type="button" className="tab-close" aria-label={`Close ${path}`} onClick={() => appStore.getState().closeFile(path)}>
              ×
            </button>
          ) : null}
        </div>
      ))}
    </nav>
  );
}
