import { useEffect, type ReactNode } from 'react';
import { COMPACT_VIEWS, type CompactView } from '../../store/layoutTypes.ts';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { ChatPane } from '../chat/ChatPane.tsx';
import { FileTree } from '../FileTree.tsx';
import { EditorArea } from './EditorArea.tsx';
import { PanelArea } from './PanelArea.tsx';
import { useRovingTabs } from './useRovingTabs.ts';

const LABELS: Record<CompactView, string> = { files: 'Files', editor: 'Editor', output: 'Output', assistant: 'Assistant' };

/**
 * One column for narrow screens: a tab bar chooses Files, Editor, Output or the Assistant.
 * All four stay mounted (the editor keeps its cursor and undo history).
 */
export function CompactLayout() {
  const current = useAppStore((s) => s.compactView);
  const { list, onKeyDown: move } = useRovingTabs(COMPACT_VIEWS, current, (view) => appStore.getState().setCompactView(view), 'view-tab-');
  // A file picked in the Files view opens in the Editor view, as on any phone file browser.
  useEffect(
    () =>
      appStore.subscribe((s, prev) => {
        if (s.activePath !== prev.activePath && s.compactView === 'files') s.setCompactView('editor');
      }),
    [],
  );
  const view = (name: CompactView, content: ReactNode) => (
    <div
      className={`compact-view compact-${name}`}
      role="tabpanel"
      id={`view-${name}`}
      aria-labelledby={`view-tab-${name}`}
      hidden={current !== name}
    >
      {content}
    </div>
  );
  return (
    <div className="compact">
      <div className="view-tabs" role="tablist" aria-label="Views" ref={list}>
        {COMPACT_VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`view-tab-${name}`}
            data-testid={`view-tab-${name}`}
            className="view-tab"
            aria-selected={current === name}
            aria-controls={`view-${name}`}
            tabIndex={current === name ? 0 : -1}
            onClick={() => appStore.getState().setCompactView(name)}
            onKeyDown={move}
          >
            {LABELS[name]}
          </button>
        ))}
      </div>
      {view('files', <FileTree />)}
      {view('editor', <EditorArea />)}
      {view('output', <PanelArea />)}
      {view('assistant', <ChatPane />)}
    </div>
  );
}
