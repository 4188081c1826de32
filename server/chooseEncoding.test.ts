import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './chooseEncoding.ts';

describe('chooseEncoding', () => {
  const both = ['br', 'gzip'] as const;

  it('answers with brotli where the browser takes it, gzip where it takes only that, and as it is otherwise', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('gzip, deflate', both)).toBe('gzip');
    expect(chooseEncoding('identity', both)).toBeNull();
    expect(chooseEncoding('', both)).toBeNull();
    expect(chooseEncoding(null, both)).toBeNull();
  });

  it('follows q-values: a refusal, a preference, and * for what is not named', () => {
    expect(chooseEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('*;q=0.1, br;q=0', both)).toBe('gzip');
    expect(chooseEncoding('gzip;q=0, br;q=0', both)).toBeNull();
    expect(chooseEncoding('BR ; Q=1', both)).toBe('br');
    expect(chooseEncoding('br;q=nonsense', both)).toBeNull();
  });

  it('offers only the copies the build wrote', () => {
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBeNull();
    expect(chooseEncoding('br, gzip', [])).toBeNull();
  });
});
