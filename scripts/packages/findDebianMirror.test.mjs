import { describe, expect, it } from 'vitest';
import { findDebianMirror, parseAptSources } from './findDebianMirror.mjs';

// Shaped like a Debian 12 container's config; hosts are placeholders.
const debianSources = `Types: deb
# http://snapshot.invalid/archive/debian/20250520T000000Z
URIs: http://mirror.invalid/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.invalid/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

describe('parseAptSources', () => {
  it('reads deb822 stanzas', () => {
    const sources = parseAptSources([{ path: '/etc/apt/sources.list.d/debian.sources', text: debianSources }]);
    expect(sources).toEqual([
      {
        types: ['deb'],
        uris: ['http://mirror.invalid/debian'],
        suites: ['bookworm', 'bookworm-updates'],
        components: ['main'],
        signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg',
      },
      {
        types: ['deb'],
        uris: ['http://mirror.invalid/debian-security'],
        suites: ['bookworm-security'],
        components: ['main'],
        signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg',
      },
    ]);
  });

  it('reads one-line entries with options and comments', () => {
    const text =
      '# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://mirror.invalid/debian trixie main contrib # x\ndeb-src http://mirror.invalid/debian trixie main\n';
    expect(parseAptSources([{ path: '/etc/apt/sources.list', text }])).toEqual([
      { types: ['deb'], uris: ['http://mirror.invalid/debian'], suites: ['trixie'], components: ['main', 'contrib'], signedBy: '/k.gpg' },
      { types: ['deb-src'], uris: ['http://mirror.invalid/debian'], suites: ['trixie'], components: ['main'] },
    ]);
  });

  it('drops disabled stanzas and ignores inline keys', () => {
    const text =
      'Types: deb\nURIs: http://a.invalid/debian\nSuites: bookworm\nComponents: main\nEnabled: no\n\n' +
      'Types: deb\nURIs: http://b.invalid/debian\nSuites: bookworm\nComponents: main\nSigned-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n abc\n';
    expect(parseAptSources([{ path: 'x.sources', text }])).toEqual([
      { types: ['deb'], uris: ['http://b.invalid/debian'], suites: ['bookworm'], components: ['main'] },
    ]);
  });
});

describe('findDebianMirror', () => {
  it('picks the main Debian archive, not security or third-party repos', () => {
    const sources = parseAptSources([
      { path: 'vendor.list', text: 'deb https://vendor.invalid/apt cloud-sdk-bookworm main\n' },
      { path: 'debian.sources', text: debianSources.split('\n\n').reverse().join('\n\n') },
    ]);
    expect(findDebianMirror(sources)).toEqual({
      uri: 'http://mirror.invalid/debian',
      signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg',
    });
  });

  it('finds nothing on a non-Debian (e.g. Ubuntu) machine', () => {
    const sources = parseAptSources([
      {
        path: 'sources.list',
        text: 'deb http://ubuntu.invalid/ubuntu noble main universe\ndeb http://ubuntu.invalid/ubuntu noble-security main\n',
      },
    ]);
    expect(findDebianMirror(sources)).toBeUndefined();
    expect(findDebianMirror([])).toBeUndefined();
  });
});
