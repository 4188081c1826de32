import { useEffect } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { appStore, useAppStore } from '../../store/useAppStore.ts';
import { ChatPane } from '../chat/ChatPane.tsx';
import { FileTree } from '../FileTree.tsx';
import { EditorArea } from './EditorArea.tsx';
import { PanelArea } from './PanelArea.tsx';

/** Folds a collapsible pane away or brings it back when the store says so. */
function useFold(ref: ReturnType<typeof usePanelRef>, open: boolean): void {
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    if (open && panel.isCollapsed()) panel.expand();
    if (!open && !panel.isCollapsed()) panel.collapse();
  }, [ref, open]);
}

/** Keeps the store's open/folded flag true to a pane the user dragged shut or open. */
const syncOpen = (pane: 'files' | 'chat') => (size: { inPixels: number }) => {
  const open = size.inPixels > 0;
  const s = appStore.getState();
  if (open !== (pane === 'files' ? s.filesOpen : s.chatOpen)) s.setPaneOpen(pane, open);
};

/**
 * Three resizable columns (files, editor over the panel area, assistant); every split
 * is resizable with the mouse and the keyboard, and its sizes are kept on this device.
 */
export function WideLayout() {
  const columns = useDefaultLayout({ id: 'executor-columns', storage: localStorage });
  const rows = useDefaultLayout({ id: 'executor-rows', storage: localStorage });
  const filesOpen = useAppStore((s) => s.filesOpen);
  const chatOpen = useAppStore((s) => s.chatOpen);
  const files = usePanelRef();
  const chat = usePanelRef();
  useFold(files, filesOpen);
  useFold(chat, chatOpen);
  return (
    <Group className="workspace" orientation="horizontal" id="columns" data-testid="split-columns" {...columns}>
      <Panel
        id="files"
        data-testid="pane-files"
        panelRef={files}
        onResize={syncOpen('files')}
        defaultSize="16%"
        minSize="120px"
        collapsible
        collapsedSize="0px"
        className="pane"
      >
        {filesOpen ? <FileTree /> : null}
      </Panel>
      <Separator className="splitter splitter-v" data-testid="splitter-files" aria-label="Resize the file tree" />
      <Panel id="main" data-testid="pane-main" defaultSize="56%" minSize="320px" className="pane">
        <Group orientation="vertical" id="rows" data-testid="split-rows" {...rows}>
          <Panel id="editor" data-testid="pane-editor" defaultSize="46%" minSize="80px" className="pane">
            <EditorArea />
          </Panel>
          <Separator className="splitter splitter-h" data-testid="splitter-panels" aria-label="Resize the editor and the panels" />
          <Panel id="panels" data-testid="pane-panels" defaultSize="54%" minSize="90px" className="pane">
            <PanelArea />
          </Panel>
        </Group>
      </Panel>
      <Separator className="splitter splitter-v" data-testid="splitter-chat" aria-label="Resize the assistant" />
      <Panel
        id="chat"
        data-testid="pane-chat"
        panelRef={chat}
        onResize={syncOpen('chat')}
        defaultSize="28%"
        minSize="260px"
        collapsible
        collapsedSize="0px"
        className="pane"
      >
        {chatOpen ? <ChatPane /> : null}
      </Panel>
    </Group>
  );
}
