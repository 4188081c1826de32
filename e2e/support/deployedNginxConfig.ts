import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../mcp/mcpClients.ts';

/** The documented nginx configuration (deploy/nginx/executor-mcp.conf, docs/deploy.md) with these ports for 8800-8802. */
export function deployedNginxConfig(ports: { balancer: number; r1: number; r2: number }): string {
  const text = readFileSync(join(ROOT, 'deploy/nginx/executor-mcp.conf'), 'utf8');
  for (const fixed of ['127.0.0.1:8800', '127.0.0.1:8801', '127.0.0.1:8802'])
    if (!text.includes(fixed)) throw new Error(`deploy/nginx/executor-mcp.conf no longer has ${fixed}: update ${import.meta.url}.`);
  return text
    .replaceAll('127.0.0.1:8800', `127.0.0.1:${ports.balancer}`)
    .replaceAll('127.0.0.1:8801', `127.0.0.1:${ports.r1}`)
    .replaceAll('127.0.0.1:8802', `127.0.0.1:${ports.r2}`);
}
