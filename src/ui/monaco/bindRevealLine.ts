import { appStore } from '../../store/useAppStore.ts';
import type { monaco } from './monaco.ts';

/** Moves the cursor to the line the store asks for (a profile row, a flame graph box). Returns the unbinder. */
export function bindRevealLine(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  let seen = appStore.getState().reveal?.seq ?? 0;
  const go = (): void => {
    const { reveal, activePath } = appStore.getState();
    if (!reveal || reveal.seq === seen || reveal.path !== activePath) return;
    seen = reveal.seq;
    const line = Math.max(1, Math.min(reveal.line, editor.getModel()?.getLineCount() ?? 1));
    editor.setPosition({ lineNumber: line, column: 1 });
    editor.revealLineInCenter(line);
    editor.focus();
  };
  // The file may open first (its code arrives in the editor a moment later), so retry on each change.
  return appStore.subscribe(() => queueMicrotask(go));
}
