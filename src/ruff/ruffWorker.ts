/// <reference lib="webworker" />
/**
 * The Ruff worker: lints and formats Python text with Ruff's WebAssembly build, off the
 * page's thread so typing never waits for it.
 */
import initRuff, { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-web';
import type { RuffDiagnostic, RuffRequest, RuffResponse } from './ruffProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const ready = initRuff();
// One workspace per settings: building one parses and validates the settings.
let workspace: { key: string; value: Workspace } | null = null;

function workspaceFor(options: Record<string, unknown>): Workspace {
  const key = JSON.stringify(options);
  if (workspace?.key !== key) {
    const value = new Workspace(options, PositionEncoding.Utf16);
    workspace?.value.free();
    workspace = { key, value };
  }
  return workspace.value;
}

function answer(request: RuffRequest): RuffResponse {
  try {
    const ws = workspaceFor(request.options);
    if (request.type === 'lint') return { id: request.id, ok: true, type: 'lint', diagnostics: ws.check(request.code) as RuffDiagnostic[] };
    return { id: request.id, ok: true, type: 'format', formatted: ws.format(request.code) };
  } catch (err) {
    return { id: request.id, ok: false, error: String(err instanceof Error ? err.message : err).replace(/^Error: /, '') };
  }
}

self.addEventListener('message', (event: MessageEvent<RuffRequest>) => {
  const request = event.data;
  ready.then(
    () => self.postMessage(answer(request)),
    (err: unknown) => self.postMessage({ id: request.id, ok: false, error: `Ruff could not start: ${String(err)}` } satisfies RuffResponse),
  );
});
