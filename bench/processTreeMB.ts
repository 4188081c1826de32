import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every process (from /proc/PID/stat). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

/**
 * Proportional set size (shared pages split among their sharers) of `root` and all its descendants, in MB: what
 * the process tree costs the machine, without counting Chromium's shared libraries once per process.
 */
export function processTreeMB(root: number): number {
  const ppids = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of ppids)
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // gone, or not ours to read
    }
  }
  return kb / 1024;
}
