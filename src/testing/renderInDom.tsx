import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

/** What {@link renderInDom} drew. */
export interface Rendered {
  container: HTMLElement;
  /** The markup as it is now. */
  html(): string;
  unmount(): Promise<void>;
}

/**
 * Renders `element` into a detached document's body (a happy-dom test: `// @vitest-environment happy-dom`) with
 * React's client renderer, so components see the store as it is now, effects run, and events can be dispatched.
 */
export async function renderInDom(element: ReactElement): Promise<Rendered> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(element));
  return {
    container,
    html: () => container.innerHTML,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}
