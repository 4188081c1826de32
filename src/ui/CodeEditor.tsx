import { useEffect, useRef } from 'react';
import { runCommand } from '../commands/commands.ts';
import { appStore } from '../store/useAppStore.ts';
import { monaco } from './monaco/monaco.ts';
import { setupMonacoWorkers } from './monaco/setupMonacoWorkers.ts';
import { bindTestAnnotations } from './monaco/bindTestAnnotations.ts';
import { bindDiagnosticMarkers } from './monaco/bindDiagnosticMarkers.ts';
import { bindRevealLine } from './monaco/bindRevealLine.ts';
import { bindRuff } from './monaco/bindRuff.ts';
import { bindBreakpoints } from './monaco/bindBreakpoints.ts';
import { registerLanguageProviders, warmLanguageOnFirstEdit } from './monaco/bindLanguage.ts';
import { useEffectiveTheme } from './useEffectiveTheme.ts';

setupMonacoWorkers();
registerLanguageProviders(); // completions, hover, signatures, definitions from Jedi in the sandbox

/** The Monaco editor, bound to the store's code; Ctrl/Cmd+Enter runs. `readOnly` for a text file too large to edit. */
export function CodeEditor({ readOnly = false }: { readOnly?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const theme = useEffectiveTheme();
  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);
  useEffect(() => editorRef.current?.updateOptions({ readOnly }), [readOnly]);

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
    // Monaco binds formatting to Ctrl+Shift+I on Linux; Shift+Alt+F everywhere, as VS Code on Windows and macOS.
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => runCommand('format', appStore));
    editorRef.current = editor;
    const unbindWarm = warmLanguageOnFirstEdit(editor); // before the listener below, which stores what is typed
    const sub = editor.onDidChangeModelContent(() => {
      const s = appStore.getState();
      const value = editor.getValue();
      if (value === s.code) return; // the store's own change (a program's write, Format, a file switch)
      s.setCode(value);
      s.clearFileMarks(); // the user edited: the last run's marks have been seen
    });
    // Code may also change from outside the editor (a link, later the agent).
    // The file the editor shows: the store switches files (path first, then the text) in separate steps.
    let shownPath = appStore.getState().activePath;
    const unsub = appStore.subscribe((s, prev) => {
      if (s.code === editor.getValue()) return;
      const model = editor.getModel();
      // Another file, or the session's project arriving: new text. The same file (Format, the agent's write_file,
      // a program's write): an edit, which Undo takes back.
      if (s.activePath !== shownPath || !model || s.projectLoaded !== prev.projectLoaded) {
        shownPath = s.activePath;
        editor.setValue(s.code);
      } else {
        editor.pushUndoStop();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.code }], () => null);
        editor.pushUndoStop();
      }
    });
    const unbindMarkers = bindDiagnosticMarkers(editor); // validate_code's findings, as you type
    const unbindTests = bindTestAnnotations(editor); // failures and coverage of the last test run
    const unbindReveal = bindRevealLine(editor); // a profile row or flame graph box jumps to its line
    const unbindRuff = bindRuff(editor); // Ruff's lint as you type, its quick fixes, Shift+Alt+F
    const unbindBreakpoints = bindBreakpoints(editor); // the gutter's breakpoints, run to cursor, the paused line
    editor.focus();
    return () => {
      unbindBreakpoints();
      unbindWarm();
      unbindRuff();
      unbindReveal();
      unbindTests();
      unbindMarkers();
      unsub();
      sub.dispose();
      editorRef.current = null;
      editor.dispose();
    };
  }, []);

  return <div className="editor" data-testid="editor" ref={host} />;
}
