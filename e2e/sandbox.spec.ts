import { expect, test } from './fixtures.ts';
import { startCollector, type Collector } from './support/startCollector.ts';

let collector: Collector;
test.beforeAll(async () => {
  collector = await startCollector();
});
test.afterAll(async () => {
  await collector.close();
});
// These tests prove the browser boundary on its own: safe mode (which would refuse
// `import js` before it runs) is off. e2e/attacks/ covers both modes.
test.beforeEach(async ({ executor }) => {
  await executor.setSafeMode(false);
});
test.afterEach(() => {
  // Whatever a test tried, nothing may have reached the collector.
  expect(collector.requests).toEqual([]);
});

test('Python runs in an opaque origin that is still cross-origin isolated', async ({ executor }) => {
  const { page } = executor;
  await executor.run(
    'import js\nprint("origin", js.self.origin)\nprint("isolated", js.crossOriginIsolated)\nprint("sab", hasattr(js, "SharedArrayBuffer"))',
  );
  await expect(executor.output).toContainText('origin null');
  await expect(executor.output).toContainText('isolated True');
  await expect(executor.output).toContainText('sab True');
  const frame = page.frames().find((f) => f.url().endsWith('/frame.html'));
  expect(frame).toBeDefined();
  expect(await frame?.evaluate(() => [self.origin, crossOriginIsolated])).toEqual(['null', true]);
  const sandbox = await page.getByTestId('sandbox-frame').getAttribute('sandbox');
  expect(sandbox).toBe('allow-scripts');
});

test('user code cannot use IndexedDB, localStorage or cookies', async ({ executor }) => {
  await executor.run(
    [
      'import js',
      'try:',
      '    js.indexedDB.open("steal")',
      '    print("indexedDB: OPEN")',
      'except Exception as e:',
      '    print("indexedDB blocked:", type(e).__name__, str(e)[:60])',
      'print("localStorage in worker:", hasattr(js, "localStorage"))',
      'print("document in worker:", hasattr(js, "document"))',
    ].join('\n'),
  );
  await expect(executor.output).toContainText('indexedDB blocked:');
  await expect(executor.output).not.toContainText('indexedDB: OPEN');
  await expect(executor.output).toContainText('localStorage in worker: False');
  await expect(executor.output).toContainText('document in worker: False');
});

test('user code cannot reach the network: not another server, not the app itself', async ({ executor, baseURL }) => {
  const targets = [collector.url, `${baseURL}/api/health`, `${baseURL}/`];
  const code = [
    'import js',
    `targets = ${JSON.stringify(targets)}`,
    'for url in targets:',
    '    try:',
    '        r = await js.fetch(url)',
    '        print("REACHED fetch", url, r.status)',
    '    except Exception as e:',
    '        print("blocked fetch", type(e).__name__)',
    '    try:',
    '        x = js.XMLHttpRequest.new()',
    '        x.open("GET", url, False)',
    '        x.send()',
    '        print("REACHED xhr", url, x.status)',
    '    except Exception as e:',
    '        print("blocked xhr", type(e).__name__)',
  ].join('\n');
  await executor.run(code);
  await expect(executor.output).not.toContainText('REACHED');
  await expect(executor.output.getByText(/blocked fetch/)).toHaveCount(1);
  expect((await executor.output.innerText()).match(/blocked (fetch|xhr)/g)).toHaveLength(6);
});

test('user code cannot post messages to the frame', async ({ executor }) => {
  await executor.run(
    'import js\ntry:\n    js.postMessage({"type": "output", "id": 1, "chunks": []})\n    print("POSTED")\nexcept Exception as e:\n    print("no postMessage:", type(e).__name__)',
  );
  await expect(executor.output).toContainText('no postMessage:');
  await expect(executor.output).not.toContainText('POSTED');
});

test('forged messages are ignored: from the page, from another frame, malformed from the sandbox', async ({ executor }) => {
  const { page } = executor;
  await executor.run('print("baseline")');
  const forged = { type: 'output', id: 1, chunks: [{ stream: 'stdout', text: '<img src=x onerror="document.title=1">FORGED' }] };
  await page.evaluate((msg) => window.postMessage(msg, '*'), forged);
  await page.evaluate((msg) => {
    const other = document.createElement('iframe');
    // The test stands in for another frame: under the page's Trusted Types, writing its srcdoc takes a policy.
    const tt = (window as unknown as { trustedTypes: { createPolicy(n: string, r: object): { createHTML(s: string): string } } })
      .trustedTypes;
    const policy = tt.createPolicy('executor-output-html', { createHTML: (s: string) => s });
    other.srcdoc = policy.createHTML(`<script>parent.postMessage(${JSON.stringify(msg)}, '*')</` + `script>`);
    document.body.appendChild(other);
  }, forged);
  const frame = page.frames().find((f) => f.url().endsWith('/frame.html'));
  await frame?.evaluate(() => {
    parent.postMessage({ type: 'output', id: 'x', chunks: '<script>alert(1)</script>FORGED' }, '*');
    parent.postMessage({ type: 'notice', level: 'info', text: 'FORGED'.repeat(1_000_000) }, '*');
  });
  // A real run afterwards proves the page processed everything queued before it.
  await executor.run('print("after")');
  await expect(executor.output).toContainText('after');
  await expect(executor.output).not.toContainText('FORGED');
  await expect(executor.output.locator('img')).toHaveCount(0);
});

test('the page and the frame deny powerful features (Permissions-Policy), with no header error, and the sandbox keeps SharedArrayBuffer', async ({
  executor,
  browser,
  baseURL,
}) => {
  // A fresh page, to hear what Chromium says about the headers as it loads them.
  const page = await browser.newPage();
  const complaints: string[] = [];
  page.on('console', (m) => {
    if (/permissions.policy|feature policy/i.test(m.text())) complaints.push(m.text());
  });
  try {
    await page.goto(`${baseURL}/`);
    await expect(page.getByTestId('status')).toContainText('Ready', { timeout: 90_000 });
    const allowed = await page.evaluate(() => {
      type Policy = { allowsFeature(f: string): boolean };
      // Chromium's name for it (the standard's is permissionsPolicy).
      const doc = document as unknown as { permissionsPolicy?: Policy; featurePolicy?: Policy };
      const policy = doc.permissionsPolicy ?? doc.featurePolicy;
      return policy ? ['camera', 'microphone', 'geolocation', 'usb', 'clipboard-write'].map((f) => policy.allowsFeature(f)) : null;
    });
    expect(allowed).toEqual([false, false, false, false, true]);
    expect(complaints).toEqual([]);
  } finally {
    await page.close();
  }
  await executor.run('import js\nprint("shared memory:", hasattr(js, "SharedArrayBuffer") and js.crossOriginIsolated)');
  await expect(executor.output).toContainText('shared memory: True');
});

test.describe('Trusted Types', () => {
  test.use({ freshPage: true });

  test('the page refuses HTML and script URLs from strings, and the editor, an HTML output and the chat work with no violation', async ({
    executor,
  }) => {
    const { page } = executor;
    // Violations from now on (the page is open: its policies exist).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
    });
    const refused = await page.evaluate(() => {
      const tries: Record<string, () => unknown> = {
        innerHTML: () => (document.createElement('div').innerHTML = '<img src=x onerror=alert(1)>'),
        worker: () => new Worker('https://evil.example/w.js'),
        script: () => (document.createElement('script').textContent = 'alert(1)'),
      };
      return Object.fromEntries(
        Object.entries(tries).map(([name, attempt]) => {
          try {
            attempt();
            return [name, 'allowed'];
          } catch (err) {
            return [name, (err as Error).name];
          }
        }),
      );
    });
    expect(refused).toEqual({ innerHTML: 'TypeError', worker: 'TypeError', script: 'TypeError' });
    await page.evaluate(() => ((window as unknown as { violations: string[] }).violations.length = 0));

    await executor.run(
      'from executor import HTML, SVG\ndisplay(HTML("<b>bold &amp; <i>styled</i></b>"))\n' +
        'display(SVG(\'<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10"/></svg>\'))\nprint("shown")',
    );
    await expect(page.frameLocator('[data-testid="display-html"]').first().locator('i')).toHaveText('styled');
    await expect(page.getByTestId('display-image')).toBeVisible();
    await executor.setCode('import math\nmath.sqrt(4)\n');
    await page.getByTestId('chat-input').fill('what can you do? &amp;');
    await page.getByTestId('chat-input').press('Enter');
    await expect(page.getByTestId('chat-log')).toContainText('offline assistant');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});
