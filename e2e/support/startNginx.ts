import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort } from '../../server/testing/freePort.ts';
import { join } from 'node:path';

/** Debian's nginx (`npm test`'s system step installs it). */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A running nginx on loopback. */
export interface Nginx {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts nginx in the foreground with everything it writes under `folder`, and `site(port)` (server and upstream
 * blocks, as a file of /etc/nginx/conf.d/) inside its http block. Resolves once it answers on `port`'s /mcp.
 */
export async function startNginx(folder: string, site: (port: number) => string): Promise<Nginx> {
  const port = await freePort();
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(folder, dir), { recursive: true });
  writeFileSync(join(folder, 'site.conf'), site(port));
  const temp = (kind: string) => `${kind}_temp_path ${join(folder, kind === 'client_body' ? 'body' : kind.replace('_', ''))};`;
  const conf = [
    // As root, nginx's workers would run as nobody and could not use these folders.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${join(folder, 'nginx.pid')};`,
    `error_log ${join(folder, 'error.log')} warn;`,
    'events { worker_connections 512; }',
    'http {',
    '  access_log off;',
    `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
    `  include ${join(folder, 'site.conf')};`,
    '}',
  ].join('\n');
  writeFileSync(join(folder, 'nginx.conf'), conf);
  const child = spawn(NGINX, ['-p', folder, '-c', join(folder, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}/mcp`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`nginx exited with ${code}: ${stderr}${readLog(folder)}`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answered = await Promise.race([
      fetch(url, { method: 'GET' }).then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url} within 15 s: ${stderr}${readLog(folder)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return; // exited, or killed by the test
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
  };
}

function readLog(folder: string): string {
  try {
    return `\n${readFileSync(join(folder, 'error.log'), 'utf8')}`;
  } catch {
    return '';
  }
}
