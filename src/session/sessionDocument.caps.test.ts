import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../config/settings.ts';
import { checkSessionDocument, toSessionDocument } from './sessionDocument.ts';
import type * as limits from './sessionLimits.ts';

// Small caps, so the checks are tried without building hundreds of megabytes.
vi.mock('./sessionLimits.ts', async (actual) => ({
  ...(await actual<typeof limits>()),
  MAX_SESSION_FILE_SIZE: 1000,
  MAX_SESSION_TOTAL_SIZE: 2500,
}));

const docWith = (files: Array<{ path: string; content: string } | { path: string; bytes: Uint8Array }>) =>
  JSON.parse(
    JSON.stringify(
      toSessionDocument({ name: 'Caps', files, activePath: 'main.py', settings: DEFAULT_SETTINGS, packages: { autoLoad: true, load: [] } }),
    ),
  ) as unknown;

const problem = (doc: unknown) => {
  const check = checkSessionDocument(doc);
  return check.ok ? null : check.problem;
};

describe('session document caps', () => {
  it('refuses a file over the per-file cap, text measured in UTF-8 bytes and binary decoded', () => {
    expect(problem(docWith([{ path: 'main.py', content: 'é'.repeat(400) }]))).toBeNull();
    expect(problem(docWith([{ path: 'main.py', content: 'é'.repeat(501) }]))).toBe('the file "main.py" is larger than 1000 bytes');
    expect(
      problem(
        docWith([
          { path: 'main.py', content: '' },
          { path: 'a.bin', bytes: new Uint8Array(1001) },
        ]),
      ),
    ).toBe('the file "a.bin" is larger than 1000 bytes');
  });

  it('refuses a session whose files together are over the total cap, naming it', () => {
    const files = ['main.py', 'b.py', 'c.py'].map((path) => ({ path, content: 'x'.repeat(900) }));
    expect(problem(docWith(files))).toBe('its files hold 2.6 KB; at most 2.4 KB are allowed');
  });
});
