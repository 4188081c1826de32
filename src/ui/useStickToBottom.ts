import { useEffect, useRef, type UIEvent } from 'react';

/**
 * Keeps a scrolling log pinned to its newest line while the user is at the
 * bottom, and leaves it alone once they scroll up to read. Re-pins when `content` or `extra` change,
 * once a frame at most.
 */
export function useStickToBottom<T extends HTMLElement>(content: unknown, extra?: unknown) {
  const ref = useRef<T>(null);
  const stick = useRef(true);
  const frame = useRef<number | null>(null);
  useEffect(() => {
    // In the next frame, not in this commit: reading scrollHeight here forced a layout of the whole log on every
    // commit, and a flood of output is many commits between two frames.
    if (!stick.current || frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const el = ref.current;
      if (el && stick.current) el.scrollTop = el.scrollHeight;
    });
  }, [content, extra]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  const onScroll = (e: UIEvent<T>) => {
    const el = e.currentTarget;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
  return { ref, onScroll };
}
