import { describe, expect, it, vi } from 'vitest';
import { createFrameBoot } from './createFrameBoot.ts';
import type { RuntimeFiles } from '../protocol/runtimeFiles.ts';
import type { PageToFrame } from '../protocol/pageFrame.ts';
import type { SnapshotStore } from './createSnapshotStore.ts';

const origin = 'http://127.0.0.1:8080';
const files = (): RuntimeFiles => ({ asm: 'asm', wasm: new ArrayBuffer(8), stdlib: new ArrayBuffer(4), lock: '{}' });
const store = (bytes: Blob | null): SnapshotStore => ({
  load: vi.fn(async () => bytes),
  save: vi.fn(async () => undefined),
  discard: vi.fn(async () => undefined),
});

function collect() {
  const sent: Array<{ msg: PageToFrame; transfer: Transferable[] }> = [];
  const send = (msg: PageToFrame, transfer: Transferable[] = []) => {
    sent.push({ msg, transfer });
  };
  return { sent, send };
}

describe('createFrameBoot', () => {
  it("boots the first frame from the early download and the stored snapshot, transferring Pyodide's bytes", async () => {
    const early = files();
    const snapshot = new Blob([new Uint8Array([1, 2, 3])]);
    const fetcher = vi.fn();
    const boot = createFrameBoot({
      origin,
      runtimeFiles: Promise.resolve(early),
      snapshots: { store: store(snapshot), enabled: Promise.resolve(true) },
      onBoot: vi.fn(),
      onNotice: vi.fn(),
      onFailed: vi.fn(),
      fetcher: fetcher,
    });
    const { sent, send } = collect();
    boot.boot(send);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.msg).toEqual({ type: 'boot', snapshot, snapshots: true, spare: true, runtime: early });
    expect(sent[0]?.transfer).toEqual([early.wasm, early.stdlib]);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('fetches the files again for a replacement frame (the first one took the bytes)', async () => {
    const fetcher = vi.fn(async (url: string) => new Response(url.endsWith('.json') ? '{}' : 'x'));
    const boot = createFrameBoot({
      origin,
      runtimeFiles: Promise.resolve(files()),
      onBoot: vi.fn(),
      onNotice: vi.fn(),
      onFailed: vi.fn(),
      fetcher: fetcher as unknown as typeof fetch,
      spareInterpreter: false,
    });
    const { sent, send } = collect();
    boot.boot(send);
    boot.boot(send);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(fetcher).toHaveBeenCalledTimes(4);
    expect(sent[1]?.msg).toMatchObject({ type: 'boot', snapshot: null, snapshots: false, spare: false });
  });

  it('says Python cannot start, and why, when the files cannot be downloaded', async () => {
    const onFailed = vi.fn();
    const boot = createFrameBoot({
      origin,
      runtimeFiles: Promise.reject(new Error(`${origin}/pyodide/v314.0.7/pyodide.asm.wasm could not be downloaded (HTTP 503).`)),
      onBoot: vi.fn(),
      onNotice: vi.fn(),
      onFailed,
    });
    const { sent, send } = collect();
    boot.boot(send);
    await vi.waitFor(() => expect(onFailed).toHaveBeenCalled());
    expect(onFailed.mock.calls[0]?.[0]).toMatch(
      /pyodide\.asm\.wasm could not be downloaded \(HTTP 503\)\. Check the connection, then reload the page\./,
    );
    expect(sent).toHaveLength(0);
  });

  it("answers a frame's request for a file, transferring the bytes", async () => {
    const fetcher = vi.fn(async () => new Response('wheel'));
    const boot = createFrameBoot({ origin, onBoot: vi.fn(), onNotice: vi.fn(), onFailed: vi.fn(), fetcher: fetcher });
    const { sent, send } = collect();
    boot.answerAsset(7, { url: `${origin}/packages/a.whl`, integrity: 'sha256-x', accept: null }, send);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const msg = sent[0]?.msg;
    expect(msg?.type === 'asset' && msg.id === 7 && msg.reply.ok).toBe(true);
    expect(sent[0]?.transfer).toHaveLength(1);
  });

  it('keeps a new snapshot, and discards a stored one the frame could not use, with one line', async () => {
    const snapshots = store(null);
    const onNotice = vi.fn();
    const onBoot = vi.fn();
    const boot = createFrameBoot({
      origin,
      snapshots: { store: snapshots, enabled: Promise.resolve(true) },
      onBoot,
      onNotice,
      onFailed: vi.fn(),
    });
    boot.onSnapshotMessage({ type: 'snapshot', bytes: new Uint8Array([9]) });
    const saved = vi.mocked(snapshots.save).mock.calls[0]?.[0];
    expect(saved).toBeInstanceOf(Blob);
    expect(Array.from(new Uint8Array(await (saved as Blob).arrayBuffer()))).toEqual([9]);
    boot.onSnapshotMessage({ type: 'booted', boot: 'normal', problem: 'Snapshot build id mismatch' });
    expect(onBoot).toHaveBeenCalledWith('normal');
    expect(snapshots.discard).toHaveBeenCalled();
    expect(onNotice).toHaveBeenCalledWith(expect.stringContaining('(Snapshot build id mismatch)'), 'warning');
  });
});
