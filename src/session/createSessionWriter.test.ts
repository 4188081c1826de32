import { describe, expect, it } from 'vitest';
import { createMemorySessionDb, type StoredSession } from './sessionDb.ts';
import { contentKey, createSessionWriter } from './createSessionWriter.ts';

interface Rec extends StoredSession {
  text: string;
}

describe('createSessionWriter', () => {
  it('saves the open session only when its content changed, stamped, and reports failures', async () => {
    const db = createMemorySessionDb<Rec>();
    let t = 100;
    const writer = createSessionWriter<Rec, { text: string }>(db, () => t++);
    expect(await writer.saveOpen(() => ({ text: 'x' }))).toEqual({ kind: 'unchanged' }); // nothing is open
    writer.opened({ id: 'a', name: 'A', updatedAt: 1, text: 'one' }, { text: 'one' });
    expect(await writer.saveOpen(() => ({ text: 'one' }))).toEqual({ kind: 'unchanged' });
    const saved = await writer.saveOpen(() => ({ text: 'two' }));
    expect(saved).toEqual({ kind: 'saved', record: { id: 'a', name: 'A', updatedAt: 100, text: 'two' } });
    expect(await db.get('a')).toEqual({ id: 'a', name: 'A', updatedAt: 100, text: 'two' });
    expect(await writer.saveOpen(() => ({ text: 'two' }))).toEqual({ kind: 'unchanged' });
    expect(await writer.saveOpen(() => null)).toEqual({ kind: 'unchanged' });
    writer.replaceDb({ ...db, put: () => Promise.reject(new Error('quota')) });
    const failed = await writer.saveOpen(() => ({ text: 'three' }));
    expect(failed.kind).toBe('failed');
  });

  it('runs writes one after another, and a failed one does not stop the next', async () => {
    const writer = createSessionWriter<Rec, { text: string }>(createMemorySessionDb<Rec>());
    const order: string[] = [];
    const slow = writer.queue(async () => {
      await new Promise((r) => setTimeout(r, 10));
      order.push('slow');
      throw new Error('boom');
    });
    const fast = writer.queue(async () => void order.push('fast'));
    await expect(slow).rejects.toThrow('boom');
    await fast;
    expect(order).toEqual(['slow', 'fast']);
  });

  it('does not take a save that finished after a switch for the open session', async () => {
    const db = createMemorySessionDb<Rec>();
    let release = (): void => undefined;
    let started = (): void => undefined;
    const writing = new Promise<void>((r) => (started = r));
    const slowDb = { ...db, put: (r: Rec) => (started(), new Promise<void>((ok) => (release = () => ok(void db.put(r))))) };
    const writer = createSessionWriter<Rec, { text: string }>(slowDb);
    writer.opened({ id: 'a', name: 'A', updatedAt: 1, text: '' }, { text: '' });
    const saving = writer.saveOpen(() => ({ text: 'typed in A' }));
    await writing;
    writer.opened({ id: 'b', name: 'B', updatedAt: 1, text: '' }, { text: '' });
    release();
    expect(await saving).toEqual({ kind: 'unchanged' });
    expect(writer.open?.id).toBe('b');
    expect((await db.get('a'))?.text).toBe('typed in A');
    writer.patchOpen({ name: 'Bee' });
    expect(writer.open?.name).toBe('Bee');
  });

  it('tells content apart by its bytes without writing them out, so a binary file is saved when it changes', async () => {
    const a = new Uint8Array([1, 2, 3]);
    expect(contentKey({ files: [{ path: 'x', bytes: a }] })).toBe(contentKey({ files: [{ path: 'x', bytes: a }] }));
    expect(contentKey({ files: [{ path: 'x', bytes: a }] })).not.toBe(contentKey({ files: [{ path: 'x', bytes: a.slice() }] }));
    expect(contentKey({ files: [{ path: 'x', bytes: new Uint8Array(10 ** 7) }] }).length).toBeLessThan(100);
  });
});
