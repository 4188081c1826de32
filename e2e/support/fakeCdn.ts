/**
 * A local server standing in for a package CDN in the end-to-end tests (no test
 * may depend on the internet). It serves one small wheel, built at start, under
 * /cdn/, with the CORS and CORP headers a real CDN sends; anything else is 404.
 * GET /requests says how many times the wheel was asked for (the tests check a
 * second install makes no request).
 * Run by playwright.config.ts on E2E_CDN_PORT.
 */
import { createServer } from 'node:http';
import { demoWheel } from './demoWheel.ts';

const wheel = demoWheel();
const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
const port = Number(process.env.E2E_CDN_PORT ?? 4183);
let wheelRequests = 0;

createServer((req, res) => {
  if (req.url === '/') {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/plain' }).end('fake cdn');
  } else if (req.url === '/requests') {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify({ wheel: wheelRequests }));
  } else if (req.url === `/cdn/${wheel.fileName}`) {
    wheelRequests += 1;
    res.writeHead(200, { ...headers, 'Content-Type': 'application/zip' }).end(Buffer.from(wheel.data));
  } else {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`fake CDN on http://127.0.0.1:${port}/cdn/ serving ${wheel.fileName}`));
