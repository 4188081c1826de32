/**
 * `npm start`: serves the built app on http://127.0.0.1:$PORT (default 8080).
 * HOST may widen the address (e.g. 0.0.0.0 in a container).
 */
import { serve } from '@hono/node-server';
import { builtAppDir, createServerApp } from './createServerApp.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535); got "${process.env.PORT}".`);
  process.exit(1);
}
let distDir: string;
try {
  distDir = builtAppDir(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const { app, close } = await createServerApp(process.env, distDir, (line) => console.warn(`[config] ${line}`));
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`Executor is running at http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`);
});
const shutdown = () => {
  void close();
  server.close(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
