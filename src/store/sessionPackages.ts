import type { SessionPackage } from '../protocol/results.ts';

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
const WHEEL_URL = /^https?:\/\/.+\.whl$/;

/** What a session record or document says it installed; sessions stored before versions and sources were kept list names only. */
export function packagesOfRecord(packages: { load: string[]; installed?: SessionPackage[] | undefined }): SessionPackage[] {
  if (packages.installed) return packages.installed.map((p) => ({ ...p }));
  return packages.load.map((name) => ({ spec: name, name, version: '', source: WHEEL_URL.test(name) ? 'url' : 'index' }));
}

/** The list with `added` in it: a package installed again replaces its entry where it was; new ones go last. */
export function mergePackages(list: readonly SessionPackage[], added: readonly SessionPackage[]): SessionPackage[] {
  const next = [...list];
  for (const p of added) {
    const at = next.findIndex((q) => normalize(q.name) === normalize(p.name));
    if (at >= 0) next[at] = p;
    else next.push(p);
  }
  return next;
}

/** What a link or a session file may install without asking: packages of the index (self-hosted or the package CDN). */
export function installsWithoutAsking(p: SessionPackage): boolean {
  return p.source === 'index' || p.source === 'cdn';
}

/** The names a session document's `load` lists (the packages installed by name; wheel URLs are only in `installed`). */
export function loadNames(list: readonly SessionPackage[]): string[] {
  return list.filter((p) => p.source !== 'url' && /^[A-Za-z0-9_.-]{1,100}$/.test(p.name)).map((p) => p.name);
}

/** Whether two lists hold the same packages in the same order. */
export function samePackages(a: readonly SessionPackage[], b: readonly SessionPackage[]): boolean {
  return a.length === b.length && a.every((p, i) => p.spec === b[i]?.spec && p.version === b[i]?.version && p.source === b[i]?.source);
}
