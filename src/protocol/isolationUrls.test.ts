import { describe, expect, it } from 'vitest';
import { frameUrlFor, isolationDropped, unisolatedPageUrl } from './isolationUrls.ts';

const atomics = {};
const isolatedWithout = { crossOriginIsolated: true, Atomics: atomics };

describe('unisolatedPageUrl', () => {
  it('reloads an isolated page that has no SharedArrayBuffer without isolation, keeping query and hash', () => {
    expect(unisolatedPageUrl('http://127.0.0.1:8080/?session=abc#s/1/xyz', isolatedWithout)).toBe(
      'http://127.0.0.1:8080/?session=abc&isolation=off#s/1/xyz',
    );
  });

  it('stays where shared memory works, where the page is not isolated, and after one reload', () => {
    expect(unisolatedPageUrl('http://h/', { crossOriginIsolated: true, SharedArrayBuffer, Atomics })).toBeNull();
    expect(unisolatedPageUrl('http://h/', { crossOriginIsolated: false, Atomics: atomics })).toBeNull();
    expect(unisolatedPageUrl('http://h/?isolation=off', isolatedWithout)).toBeNull();
  });
});

describe('frameUrlFor', () => {
  it('serves the frame without isolation when the page is', () => {
    expect(frameUrlFor('?session=a&isolation=off')).toBe('/frame.html?isolation=off');
    expect(frameUrlFor('?session=a')).toBe('/frame.html');
    expect(isolationDropped('?isolation=on')).toBe(false);
  });
});
