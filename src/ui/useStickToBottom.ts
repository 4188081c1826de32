import { useEffect, useRef, type UIEvent } from 'react';

/**
 * Keeps a scrolling log pinned to its newest line while the user is at the
 * bottom, and leaves it alone once they scroll up to read. Re-pins when `deps` change.
 */
export function useStickToBottom<T extends HTMLElement>(deps: readonly unknown[]) {
  const ref = useRef<T>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, deps);
  const onScroll = (e: UIEvent<T>) => {
    const el = e.currentTarget;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
  return { ref, onScroll };
}
