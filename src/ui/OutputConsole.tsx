import { useStickToBottom } from './useStickToBottom.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { DisplayView } from './display/DisplayView.tsx';
import { StdinInput } from './StdinInput.tsx';
import { ReplayOffer } from './sessions/ReplayOffer.tsx';
import { TextEntry } from './TextEntry.tsx';

/**
 * The console: program output as text, stdout and stderr told apart, auto-scrolling;
 * rich outputs as images and script-less HTML frames; an input box while the program waits.
 */
export function OutputConsole() {
  const entries = useAppStore((s) => s.entries);
  const awaitingInput = useAppStore((s) => s.awaitingInput);
  const { ref: boxRef, onScroll } = useStickToBottom<HTMLDivElement>(entries, awaitingInput);

  return (
    <div
      className="console"
      data-testid="output"
      ref={boxRef}
      role="log"
      // The end of a run is announced once (RunAnnouncer), not every line printed.
      aria-live="off"
      aria-label="Program output"
      // Scrollable from the keyboard, and a place where Escape stops the run.
      tabIndex={0}
      onScroll={onScroll}
    >
      {entries.length === 0 ? <p className="console-empty">Output appears here. Run with Ctrl/Cmd+Enter.</p> : null}
      {entries.map((e, i) => {
        if (e.kind === 'display' && e.display) return <DisplayView key={e.id} display={e.display} index={e.id} />;
        // A prompt and the line typed after it share a line, as in a terminal.
        const next = entries[i + 1];
        const inline =
          e.kind === 'stdin' || ((e.kind === 'stdout' || e.kind === 'stderr') && (next ? next.kind === 'stdin' : awaitingInput));
        return <TextEntry key={e.id} entry={e} inline={inline} />;
      })}
      <ReplayOffer />
      {awaitingInput ? <StdinInput /> : null}
    </div>
  );
}
