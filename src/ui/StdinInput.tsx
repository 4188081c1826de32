import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/useAppStore.ts';

/** The input box a waiting program reads from: Enter sends the line, Ctrl+D or "End input" sends end of file. */
export function StdinInput() {
  const submitInput = useAppStore((s) => s.submitInput);
  const line = useAppStore((s) => s.inputDraft);
  const setLine = useAppStore((s) => s.setInputDraft);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    box.current?.focus({ preventScroll: false });
  }, []);

  const send = (text: string | null) => {
    submitInput(text);
  };

  return (
    <form
      className="stdin-form"
      aria-label="Program input"
      onSubmit={(e) => {
        e.preventDefault();
        send(line);
      }}
    >
      <input
        ref={box}
        className="stdin-input"
        data-testid="stdin-input"
        aria-label="Input for the program (Enter sends, Ctrl+D ends input)"
        autoComplete="off"
        spellCheck={false}
        value={line}
        onChange={(e) => setLine(e.target.value)}
        onKeyDown={(e) => {
          if (e.ctrlKey && (e.key === 'd' || e.key === 'D')) {
            e.preventDefault();
            send(null);
          }
        }}
      />
      <button type="button" className="btn btn-small" data-testid="stdin-eof" onClick={() => send(null)} title="Send end of file (Ctrl+D)">
        End input
      </button>
    </form>
  );
}
