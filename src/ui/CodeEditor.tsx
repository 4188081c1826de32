import { useEffect, useRef } from 'react';
import { runCommand } from '../commands/commands.ts';
import { appStore } from '../store/useAppStore.ts';
import { monaco } from './monaco/monaco.ts';
import { setupMonacoWorkers } from './monaco/setupMonacoWorkers.ts';
import { bindTestAnnotations } from './monaco/bindTestAnnotations.ts';
import { bindDiagnosticMarkers } from './monaco/bindDiagnosticMarkers.ts';
import { bindRevealLine } from './monaco/bindRevealLine.ts';
import { useEffectiveTheme } from './useEffectiveTheme.ts';

setupMonacoWorkers();

/** The Monaco editor, bound to the store's code; Ctrl/Cmd+Enter runs. */
export function CodeEditor() {
  const host = useRef<HTMLDivElement>(null);
  const theme = useEffectiveTheme();
  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);

  useEffect(() => {
    if (!host.current) return;
    const editor = monaco.editor.create(host.current, {
      value: appStore.getState().code,
      language: 'python',
      theme: document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark',
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
    const unbindMarkers = bindDiagnosticMarkers(editor); // validate_code's findings, as you type
    const unbindTests = bindTestAnnotations(editor); // failures and coverage of the last test run
    const unbindReveal = bindRevealLine(editor); // a profile row or flame graph box jumps to its line
    editor.focus();
    return () => {
      unbindReveal();
      unbindTests();
      unbindMarkers();
      unsub();
      sub.dispose();
      editor.dispose();
    };
  }, []);

  return <div className="editor" data-testid="editor" ref={host} />;
}
