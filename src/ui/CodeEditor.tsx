import { useEffect, useRef } from 'react';
import { runCommand } from '../commands/commands.ts';
import { appStore } from '../store/useAppStore.ts';
import { monaco } from './monaco/monaco.ts';
import { setupMonacoWorkers } from './monaco/setupMonacoWorkers.ts';

setupMonacoWorkers();

/** The Monaco editor, bound to the store's code; Ctrl/Cmd+Enter runs. */
export function CodeEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return;
    const editor = monaco.editor.create(host.current, {
      value: appStore.getState().code,
      language: 'python',
      theme: 'vs-dark',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      tabSize: 4,
      insertSpaces: true,
      ariaLabel: 'Python code',
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runCommand('run', appStore));
    const sub = editor.onDidChangeModelContent(() => appStore.getState().setCode(editor.getValue()));
    // Code may also change from outside the editor (a link, later the agent).
    const unsub = appStore.subscribe((s) => {
      if (s.code !== editor.getValue()) editor.setValue(s.code);
    });
    editor.focus();
    return () => {
      unsub();
      sub.dispose();
      editor.dispose();
    };
  }, []);

  return <div className="editor" data-testid="editor" ref={host} />;
}
