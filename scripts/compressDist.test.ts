import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressDist } from './compressDist.ts';

describe('compressDist', () => {
  it('writes brotli and gzip copies of what compresses, byte-identical once decoded, and leaves the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'executor-compress-'));
    mkdirSync(join(dir, 'assets'));
    const script = `const x = [${'"executor", '.repeat(5000)}];\n`;
    writeFileSync(join(dir, 'assets', 'main.js'), script);
    writeFileSync(join(dir, 'assets', 'tiny.css'), 'a{}');
    writeFileSync(join(dir, 'random.zip'), randomBytes(20_000));
    writeFileSync(join(dir, 'pkg-1.0-py3-none-any.whl'), script);

    const written = await compressDist(dir);
    expect(written.map((f) => f.path.slice(dir.length))).toEqual(['/assets/main.js', '/random.zip']);
    const main = join(dir, 'assets', 'main.js');
    expect(brotliDecompressSync(readFileSync(`${main}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${main}.gz`)).toString()).toBe(script);
    expect(written[0]?.br).toBeLessThan(script.length / 20);
    // Random bytes do not compress: no copy. Small files and wheels are not tried.
    expect(written[1]).toMatchObject({ br: null, gzip: null });
    expect(existsSync(join(dir, 'random.zip.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'tiny.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'pkg-1.0-py3-none-any.whl.br'))).toBe(false);
  });
});
