import { useRef, type KeyboardEvent } from 'react';

/**
 * Keyboard for a WAI-ARIA tab list: arrow keys move to the next or previous tab (wrapping),
 * Home and End to the first and last; the new tab is chosen and focused. Tabs carry the
 * id `${prefix}${name}`. Returns the list's ref and the tabs' keydown handler.
 */
export function useRovingTabs<T extends string>(names: readonly T[], current: T, choose: (name: T) => void, prefix: string) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = names.indexOf(current);
    const n = names.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    const name = to === null ? undefined : names[to];
    if (name === undefined) return;
    e.preventDefault();
    choose(name);
    list.current?.querySelector<HTMLButtonElement>(`#${prefix}${name}`)?.focus();
  };
  return { list, onKeyDown };
}
