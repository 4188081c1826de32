import { appStore } from '../../store/useAppStore.ts';
import { monaco } from './monaco.ts';

/** Which line of the open file the paused program is at (its selected frame), or null. */
function pausedLine(): number | null {
  const { debugPause, debugFrame, activePath } = appStore.getState();
  const frame = debugPause?.frames[debugFrame];
  return frame && frame.file === activePath ? frame.line : null;
}

/**
 * Breakpoints in the editor's gutter (a click, F9, or the context menu; a conditional one from the menu),
 * "Run to cursor" (Ctrl+F10), and the line the paused program is at, highlighted.
 */
export function bindBreakpoints(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  editor.updateOptions({ glyphMargin: true });
  const decorations = editor.createDecorationsCollection();
  const cursorLine = () => editor.getPosition()?.lineNumber ?? 1;
  const toggle = (line: number) => {
    const s = appStore.getState();
    s.toggleBreakpoint(s.activePath, line);
  };

  const apply = () => {
    const { breakpoints, activePath, code } = appStore.getState();
    // A file switch sets the path first and the text next: draw once the editor shows the new text.
    if (editor.getValue() !== code) return;
    const mine = breakpoints.filter((b) => b.file === activePath);
    const current = pausedLine();
    const lines = editor.getModel()?.getLineCount() ?? 0;
    const shown: monaco.editor.IModelDeltaDecoration[] = mine
      .filter((b) => b.line <= lines)
      .map((b) => ({
        range: new monaco.Range(b.line, 1, b.line, 1),
        options: {
          glyphMarginClassName: b.condition ? 'debug-breakpoint-glyph debug-breakpoint-conditional' : 'debug-breakpoint-glyph',
          glyphMarginHoverMessage: { value: b.condition ? `Breakpoint when \`${b.condition}\`` : 'Breakpoint (click to remove)' },
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        },
      }));
    if (current !== null && current <= lines) {
      shown.push({
        range: new monaco.Range(current, 1, current, 1),
        options: { isWholeLine: true, className: 'debug-current-line', linesDecorationsClassName: 'debug-current-arrow' },
      });
    }
    decorations.set(shown);
    // What the gutter shows, on the editor's element too (Monaco renders only the visible lines).
    const host = editor.getContainerDomNode();
    host.dataset.breakpointLines = mine.map((b) => b.line).join(',');
    host.dataset.debugLine = current === null ? '' : String(current);
    if (current !== null) editor.revealLineInCenterIfOutsideViewport(current);
  };
  apply();
  const unsub = appStore.subscribe((s, prev) => {
    if (s.breakpoints !== prev.breakpoints || s.debugPause !== prev.debugPause || s.debugFrame !== prev.debugFrame || s.code !== prev.code)
      apply();
  });
  const flushed = editor.onDidChangeModelContent((e) => e.isFlush && apply());

  const mouse = editor.onMouseDown((e) => {
    const type = e.target.type;
    const inGutter =
      type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || type === monaco.editor.MouseTargetType.GUTTER_LINE_DECORATIONS;
    if (inGutter && e.target.position && e.event.leftButton) toggle(e.target.position.lineNumber);
  });
  const actions = [
    editor.addAction({
      id: 'executor.toggleBreakpoint',
      label: 'Toggle breakpoint',
      keybindings: [monaco.KeyCode.F9],
      contextMenuGroupId: 'debug',
      contextMenuOrder: 1,
      run: () => toggle(cursorLine()),
    }),
    editor.addAction({
      id: 'executor.conditionalBreakpoint',
      label: 'Add conditional breakpoint…',
      contextMenuGroupId: 'debug',
      contextMenuOrder: 2,
      run: () => {
        const s = appStore.getState();
        const line = cursorLine();
        if (!s.breakpoints.some((b) => b.file === s.activePath && b.line === line)) s.toggleBreakpoint(s.activePath, line);
        s.showPanel('debug');
        // The condition is typed in the Debug tab's list of breakpoints.
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLInputElement>(
              `[data-testid="debug-breakpoint"][data-file="${CSS.escape(s.activePath)}"][data-line="${line}"] input`,
            )
            ?.focus(),
        );
      },
    }),
    editor.addAction({
      id: 'executor.runToCursor',
      label: 'Run to cursor (debug)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.F10],
      contextMenuGroupId: 'debug',
      contextMenuOrder: 3,
      run: () => {
        const s = appStore.getState();
        // Paused: the program goes on to the line; otherwise a debug run starts and stops there.
        if (s.debugPause) s.resumeDebug('continue', { toLine: cursorLine() });
        else void s.debugCode({ toLine: cursorLine() });
      },
    }),
  ];
  return () => {
    actions.forEach((a) => a.dispose());
    mouse.dispose();
    flushed.dispose();
    unsub();
    decorations.clear();
  };
}
