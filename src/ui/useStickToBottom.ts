import { useEffect, useRef, type UIEvent } from 'react';

/**
 * Keeps a scrolling log pinned to its newest line while the user is at the
 * bottom, and leaves it alone once they scroll up to read. Re-pins when `content` or `extra` change.
 */
export function useStickToBottom<T extends HTMLElement>(content: unknown, extra?: unknown) {
  const ref = useRef<T>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [content, extra]);
  const onScroll = (e: UIEvent<T>) => {
    const el = e.currentTarget;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
  return { ref, onScroll };
}
