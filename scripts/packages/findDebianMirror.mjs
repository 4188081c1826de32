// @ts-check
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Debian release names and aliases; a source using one of them is a Debian archive. */
const DEBIAN_SUITES = new Set([
  'buster',
  'bullseye',
  'bookworm',
  'trixie',
  'forky',
  'duke',
  'sid',
  'oldoldstable',
  'oldstable',
  'stable',
  'testing',
  'unstable',
]);

/**
 * @typedef {object} AptSource
 * @property {string[]} types e.g. `["deb"]`
 * @property {string[]} uris
 * @property {string[]} suites
 * @property {string[]} components
 * @property {string} [signedBy] keyring path, when given as a path
 */

/**
 * Parse apt source files, in the one-line format (`*.list`) or deb822
 * (`*.sources`). Disabled deb822 stanzas (`Enabled: no`) are dropped.
 *
 * @param {{ path: string, text: string }[]} files
 * @returns {AptSource[]}
 */
export function parseAptSources(files) {
  /** @type {AptSource[]} */
  const sources = [];
  for (const { path, text } of files) {
    if (path.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        /** @type {Record<string, string>} */
        const fields = {};
        let last = '';
        for (const line of stanza.split('\n')) {
          if (line.startsWith('#')) continue;
          const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
          if (match) {
            last = /** @type {string} */ (match[1]).toLowerCase();
            fields[last] = /** @type {string} */ (match[2]).trim();
          } else if (/^\s/.test(line) && last) {
            fields[last] = `${fields[last]}\n${line.trim()}`; // multi-line (inline key)
          }
        }
        if (!fields.types || !fields.uris || /^(no|false|0)$/i.test(fields.enabled ?? '')) continue;
        const words = (/** @type {string | undefined} */ s) => (s ?? '').split(/\s+/).filter(Boolean);
        const signedBy = fields['signed-by'];
        sources.push({
          types: words(fields.types),
          uris: words(fields.uris),
          suites: words(fields.suites),
          components: words(fields.components),
          ...(signedBy && !signedBy.includes('\n') ? { signedBy } : {}),
        });
      }
    } else {
      for (const raw of text.split('\n')) {
        const line = raw.replace(/#.*$/, '').trim();
        const match = /^(deb|deb-src)\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
        if (!match) continue;
        const options = Object.fromEntries(
          (match[2] ?? '')
            .trim()
            .split(/\s+/)
            .filter(Boolean)
            .map((o) => {
              const [key = '', value = ''] = o.split('=');
              return [key, value];
            }),
        );
        sources.push({
          types: [/** @type {string} */ (match[1])],
          uris: [/** @type {string} */ (match[3])],
          suites: [/** @type {string} */ (match[4])],
          components: (match[5] ?? '').split(/\s+/).filter(Boolean),
          ...(options['signed-by'] ? { signedBy: options['signed-by'] } : {}),
        });
      }
    }
  }
  return sources;
}

/**
 * The Debian archive configured on this machine: the first `deb` source whose
 * suites include a plain Debian release (not `-security`, `-updates`…) and
 * whose components include `main`. Its URI can serve any other release.
 *
 * @param {AptSource[]} sources from {@link parseAptSources}
 * @returns {{ uri: string, signedBy?: string } | undefined}
 */
export function findDebianMirror(sources) {
  for (const source of sources) {
    if (!source.types.includes('deb') || !source.components.includes('main')) continue;
    if (!source.suites.some((suite) => DEBIAN_SUITES.has(suite))) continue;
    const uri = source.uris[0];
    if (!uri) continue;
    return source.signedBy ? { uri, signedBy: source.signedBy } : { uri };
  }
  return undefined;
}

/**
 * Read the machine's apt source files, as apt does: `sources.list` plus
 * `sources.list.d/*.list` and `*.sources` (other names are ignored by apt too).
 *
 * @param {string} [etcApt] default `/etc/apt`
 * @returns {{ path: string, text: string }[]}
 */
export function readAptSourceFiles(etcApt = '/etc/apt') {
  const paths = [join(etcApt, 'sources.list')];
  const dir = join(etcApt, 'sources.list.d');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(list|sources)$/.test(name)) paths.push(join(dir, name));
    }
  }
  return paths.filter((p) => existsSync(p)).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}
