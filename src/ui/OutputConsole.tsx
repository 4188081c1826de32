import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/useAppStore.ts';

/** The console: program output as text (never HTML), stdout and stderr told apart, auto-scrolling. */
export function OutputConsole() {
  const entries = useAppStore((s) => s.entries);
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [entries]);

  return (
    <div
      className="console"
      data-testid="output"
      ref={box}
      role="log"
      aria-live="polite"
      aria-label="Program output"
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {entries.length === 0 ? <p className="console-empty">Output appears here. Run with Ctrl/Cmd+Enter.</p> : null}
      {entries.map((e) => (
        <pre key={e.id} className={`entry entry-${e.kind}`} data-kind={e.kind}>
          {e.text}
        </pre>
      ))}
    </div>
  );
}
