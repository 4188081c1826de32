import { describe, expect, it, vi } from 'vitest';
import type { CallClient } from './createCallClient.ts';
import { readDeclaredDependencies } from './readDeclaredDependencies.ts';

describe('readDeclaredDependencies', () => {
  it('asks the interpreter to read requirements.txt and pyproject.toml, with null for the one that is missing', async () => {
    const call = vi.fn(async () => ({ packages: [], problems: [] }));
    const calls = { call } as unknown as Pick<CallClient, 'call'>;
    await readDeclaredDependencies([{ path: 'requirements.txt', content: 'six\n' }], calls);
    expect(call).toHaveBeenCalledWith({ method: 'declaredDependencies', requirements: 'six\n', pyproject: null });
  });

  it('answers null without asking when the project declares nothing (or only as bytes)', async () => {
    const call = vi.fn();
    const calls = { call } as unknown as Pick<CallClient, 'call'>;
    await expect(readDeclaredDependencies([{ path: 'main.py', content: '' }], calls)).resolves.toBeNull();
    await expect(readDeclaredDependencies([{ path: 'pyproject.toml', bytes: new Uint8Array([0]) }], calls)).resolves.toBeNull();
    expect(call).not.toHaveBeenCalled();
  });
});
