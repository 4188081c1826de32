// @ts-check
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readZoneinfo, tzdataVersion, ZONEINFO } from './readZoneinfo.mjs';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A tiny Debian tzdata tree: one zone, one link inside, one link out, a table. */
function fakeTzdata(release = '2026f') {
  root = mkdtempSync(join(tmpdir(), 'tzdata-'));
  const base = join(root, ZONEINFO);
  mkdirSync(join(base, 'Europe'), { recursive: true });
  writeFileSync(join(base, 'tzdata.zi'), `# version ${release}\n`);
  writeFileSync(join(base, 'Europe', 'Paris'), 'TZif2 fake');
  writeFileSync(join(base, 'zone1970.tab'), '# table\n');
  symlinkSync('Europe/Paris', join(base, 'CET'));
  symlinkSync('/etc/localtime', join(base, 'localtime'));
}

describe('readZoneinfo', () => {
  it('spells IANA releases as PyPI tzdata does', () => {
    expect(tzdataVersion('2026f')).toBe('2026.6');
    expect(tzdataVersion('2025a')).toBe('2025.1');
    expect(() => tzdataVersion('2026')).toThrow(/not an IANA/);
  });

  it('makes the tzdata package: zones copied (links inside resolved), packages in every folder, zones listed', () => {
    fakeTzdata();
    const content = readZoneinfo(root, '2026.6');
    const paths = content.files.map((f) => f.path);
    expect(paths).toEqual([
      'tzdata/__init__.py',
      'tzdata/zoneinfo/CET',
      'tzdata/zoneinfo/Europe/Paris',
      'tzdata/zoneinfo/Europe/__init__.py',
      'tzdata/zoneinfo/__init__.py',
      'tzdata/zoneinfo/tzdata.zi',
      'tzdata/zoneinfo/zone1970.tab',
      'tzdata/zones',
    ]);
    const text = (/** @type {string} */ path) => content.files.find((f) => f.path === path)?.data.toString('utf8');
    expect(text('tzdata/zones')).toBe('CET\nEurope/Paris\n');
    expect(text('tzdata/__init__.py')).toContain('IANA_VERSION = "2026f"');
    expect(content.droppedLinks).toEqual(['localtime']);
  });

  it('refuses a release that is not the manifest version', () => {
    fakeTzdata('2025b');
    expect(() => readZoneinfo(root, '2026.6')).toThrow('tzdata.zi says release 2025b, the manifest expects 2026.6');
  });
});
