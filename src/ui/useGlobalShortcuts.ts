import { useEffect } from 'react';
import { commands, matchesShortcut } from '../commands/commands.ts';
import { appStore } from '../store/useAppStore.ts';

/** Whether the key went to something that takes text (where `?` is a character, not a command). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, .monaco-editor') !== null;
}

/**
 * The page's keyboard shortcuts: each registered command's (Escape stops a run from the
 * editor, the console or anywhere else), and `?` for the shortcuts sheet. A key the editor
 * or an open dialog uses itself (Escape closing a suggestion list or the dialog) never reaches here.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const command = commands.find((c) => c.shortcut && matchesShortcut(c.shortcut, e));
      if (command) {
        if (!command.isEnabled(appStore.getState())) return;
        e.preventDefault();
        void command.execute(appStore);
        return;
      }
      if (e.key === '?' && !isTyping(e.target)) {
        e.preventDefault();
        appStore.getState().setShortcutsOpen(true);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
