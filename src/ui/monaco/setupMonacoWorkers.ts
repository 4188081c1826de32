import EditorWorker from 'monaco-esm/editor/editor.worker.js?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

/** Monaco's editor worker, bundled by Vite and served from the app's own origin. */
export function setupMonacoWorkers(): void {
  window.MonacoEnvironment = { getWorker: () => new (EditorWorker as new () => Worker)() };
}
