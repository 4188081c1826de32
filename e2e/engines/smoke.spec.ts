import { CALCULATOR_FILES } from '../support/calculatorProject.ts';
import { RED_PNG } from '../support/redPng.ts';
import { expect, test } from './fixtures.ts';

// The cross-engine smoke suite (issue #21): what a user does first, in every engine and mode
// playwright.config.ts lists (Firefox and WebKitGTK over WebDriver, Chromium without isolation).
test.describe('smoke', () => {
  test('starts, says what it can do, runs code and keeps state between runs', async ({ app, expectSharedMemory }) => {
    const notice = await app.text('capability-notice');
    const debugDisabled = await app.browser.evaluate(
      () => document.querySelector<HTMLButtonElement>('[data-testid="debug"]')?.disabled,
      null,
    );
    if (expectSharedMemory) {
      expect(notice).toBe('');
      expect(debugDisabled).toBe(false);
    } else {
      expect(notice).toContain('Running with reduced capabilities');
      expect(notice).toContain('the debugger is off');
      expect(debugDisabled).toBe(true);
    }
    await app.run('x = 41\nprint("hello from", "Python")');
    await app.waitText('output', 'hello from Python');
    await app.run('print(x + 1)');
    await app.waitText('output', '42');
    expect(await app.lastStatus()).toBe('ok');
  });

  test('Stop ends a running loop and the next run works', async ({ app, expectSharedMemory }) => {
    await app.run('kept = 1');
    await app.setCode('while True:\n    pass\n');
    const runs = await app.startRun();
    await app.waitText('status', 'Running');
    await app.browser.click('stop');
    await app.waitRunsDone(runs);
    expect(await app.lastStatus()).toBe('stopped');
    await app.run('print("kept:", "kept" in globals())');
    // With shared memory Stop interrupts the program; without, it replaces the interpreter and says so.
    await app.waitText('output', expectSharedMemory ? 'kept: True' : 'kept: False');
    if (!expectSharedMemory) await app.waitText('output', 'cannot be interrupted');
  });

  test('the time limit and the memory limit hold, and Python goes on', async ({ app }) => {
    const statuses = await app.browser.evaluate(async () => {
      const engine = window.executor.engine;
      const loop = await engine.execute('while True:\n    pass\n', { timeoutMs: 1500 });
      const bomb = await engine.execute('block = bytearray(400 * 2**20)', { maxMemoryMB: 256 });
      const after = await engine.execute('print(6 * 7)');
      return [loop.status, bomb.status, bomb.error?.type ?? null, after.stdout];
    }, null);
    expect(statuses).toEqual(['timeout', 'memory', 'MemoryError', '42\n']);
  });

  test('input() asks the user, or explains why it cannot and reads the pre-filled input', async ({ app, expectSharedMemory }) => {
    if (expectSharedMemory) {
      await app.setCode('print("hello", input("Name? "))');
      const runs = await app.startRun();
      await app.waitFor(
        'the input box',
        () => document.querySelector('[data-testid="stdin-input"]') !== null,
        null,
        (shown) => shown,
      );
      await app.browser.type('stdin-input', 'Ada', true);
      await app.waitRunsDone(runs);
    } else {
      await app.run('name = input("Name? ")');
      await app.waitText('output', 'interactive input needs a browser that gives the sandbox SharedArrayBuffer');
      await app.waitText('output', 'EOFError');
      // The Input panel (folded in the Console tab): typing there turns pre-filled input on.
      await app.browser.evaluate(() => {
        const panel = document.querySelector('[data-testid="stdin-panel"]');
        if (panel instanceof HTMLDetailsElement) panel.open = true;
      }, null);
      await app.browser.type('setting-stdin', 'Ada');
      const enabled = () => document.querySelector<HTMLInputElement>('[data-testid="setting-stdin-enabled"]')?.checked;
      await app.waitFor('pre-filled input on', enabled, null, (on) => on === true);
      await app.run('print("hello", input())');
    }
    await app.waitText('output', 'hello Ada');
  });

  test('a test run gives pytest counts, and a share link round-trips', async ({ app }) => {
    await app.browser.evaluate((files) => {
      for (const f of files) window.executor.project.writeFile(f.path, f.content);
    }, CALCULATOR_FILES);
    await app.browser.click('tests-run');
    // WebKitGTK boots the test interpreter without a snapshot and loads pytest and coverage into it: 60-130 s on two
    // cores under CI (the test's limit is 180 s).
    await app.waitText('tests-summary', '1 failed, 3 passed', 160_000);
    await app.browser.click('share');
    const shareLink = () => document.querySelector('[data-testid="share-link"]')?.textContent ?? '';
    const link = await app.waitFor('the share link', shareLink, null, (t) => t.includes('#s/'));
    await app.open(link);
    const files = await app.browser.evaluate(() => window.executor.project.files().map((f) => f.path), null);
    expect(files).toEqual(expect.arrayContaining(['calculator.py', 'test_calculator.py']));
  });

  test('what a program writes comes back into the project, text and bytes; a picture and a table show; a deleted file leaves', async ({
    app,
  }) => {
    const kinds = await app.browser.evaluate(async (picture) => {
      const { engine, project } = window.executor;
      const policy = { sandboxMode: false, allowedModules: [], forbiddenFunctions: [] };
      const code = `${picture}\nopen("out.csv", "w").write("a,b\\n1,2\\n")\nopen("plot.png", "wb").write(Red(5, 3)._repr_png_())`;
      await engine.execute(code, { files: project.files(), policy });
      const kind = (path: string) => {
        const f = project.files().find((x) => x.path === path);
        return f ? ('content' in f ? `text:${f.content.length}` : `bytes:${f.bytes[1]}`) : 'missing';
      };
      return [kind('out.csv'), kind('plot.png')];
    }, RED_PNG);
    expect(kinds).toEqual(['text:8', 'bytes:80']); // 80 is the P of PNG
    const open = (path: string) =>
      app.browser.evaluate((p) => document.querySelector<HTMLElement>(`[data-testid="file-item"][data-path="${p}"]`)?.click(), path);
    await open('plot.png');
    const size = () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="file-image"]');
      return img ? `${img.naturalWidth}x${img.naturalHeight}` : '';
    };
    await app.waitFor('the picture', size, null, (s) => s === '5x3');
    await open('out.csv');
    const rows = () => document.querySelector('[data-testid="file-table"]')?.getAttribute('data-rows') ?? '';
    await app.waitFor('the table', rows, null, (r) => r === '2');
    // Binary files are kept by the browser (IndexedDB, as Blobs) across a reload. Not yet in WebKitGTK: there the
    // file is gone after the reload (a known open problem, see the closing note of 2026-12-07), so it is not claimed.
    const keepsBinaryFiles = !test.info().project.name.startsWith('webkit');
    const png = () => {
      const f = window.executor.project.files().find((x) => x.path === 'plot.png');
      return f && 'bytes' in f ? f.bytes.length : 0;
    };
    const before = await app.browser.evaluate(png, null);
    const session = await app.browser.evaluate(() => new URLSearchParams(location.search).get('session') ?? '', null);
    if (keepsBinaryFiles) {
      await app.open(`${app.baseUrl}/?session=${session}`);
      await app.waitFor('plot.png after the reload', png, null, (n) => n === before && n > 0);
    }
    const gone = await app.browser.evaluate(async () => {
      const { engine, project } = window.executor;
      const policy = { sandboxMode: false, allowedModules: [], forbiddenFunctions: [] };
      await engine.execute('import os\nos.remove("out.csv")', { files: project.files(), policy });
      return !project.files().some((f) => f.path === 'out.csv');
    }, null);
    expect(gone).toBe(true);
  });

  test('a file and the project download byte for byte, the .zip imports into a new session as it was, and a link names what it leaves out', async ({
    app,
  }) => {
    await app.keepDownloads();
    const original = await app.browser.evaluate(async (picture) => {
      const { engine, project } = window.executor;
      const policy = { sandboxMode: false, allowedModules: [], forbiddenFunctions: [] };
      const code = `${picture}\nimport os\nos.makedirs("figs", exist_ok=True)\nopen("figs/plot.png", "wb").write(Red(4, 2)._repr_png_())`;
      await engine.execute(code, { files: project.files(), policy });
      const f = project.files().find((x) => x.path === 'figs/plot.png');
      return f && 'bytes' in f ? Array.from(f.bytes) : [];
    }, RED_PNG);
    expect(original.slice(1, 4)).toEqual([80, 78, 71]); // "PNG"
    const bytesOf = (path: string) => {
      const f = window.executor.project.files().find((x) => x.path === path);
      return f && 'bytes' in f ? Array.from(f.bytes) : [];
    };

    await app.browser.evaluate(
      () => document.querySelector<HTMLElement>('[data-testid="file-item"][data-path="figs/plot.png"]')?.click(),
      null,
    );
    await app.waitFor(
      'the picture',
      () => document.querySelector('[data-testid="file-image"]') !== null,
      null,
      (shown) => shown,
    );
    await app.browser.click('file-download');
    expect(await app.downloaded('plot.png')).toEqual(original);

    await app.browser.click('export-zip');
    const zip = await app.downloaded('project.zip');
    await app.browser.click('session-new');
    await app.waitFor('an empty project', bytesOf, 'figs/plot.png', (b) => b.length === 0);
    await app.pickFiles('import-files', [{ name: 'project.zip', bytes: zip, type: 'application/zip' }]);
    await app.waitFor(
      'figs/plot.png imported from the .zip',
      bytesOf,
      'figs/plot.png',
      (b) => JSON.stringify(b) === JSON.stringify(original),
    );

    await app.browser.click('share');
    await app.waitText('share-left-out', 'figs/plot.png');
  });
});

test.describe('smoke: packages', () => {
  test("an index package installed by hand stays with the session across a reload, restored from the page's cache", async ({ app }) => {
    // Safe mode off for this session (toolz is not on its allowlist), then Packages → Install.
    await app.browser.click('settings-open');
    await app.setChecked('setting-sandbox', false);
    await app.browser.click('settings-close');
    await app.browser.click('panel-tab-packages');
    await app.browser.type('install-names', 'toolz');
    // Install is disabled while Python (re)starts after the setting changed; Enter then does nothing, so wait for it.
    await app.waitFor(
      'the Install button to be enabled',
      () => document.querySelector<HTMLButtonElement>('[data-testid="install-submit"]')?.disabled === false,
      null,
      (enabled) => enabled,
    );
    await app.browser.click('install-submit');
    // What the panel says comes back with a timeout, so a failed install names its reason.
    const listed = () =>
      document.querySelector('[data-testid="session-package"][data-name="toolz"]')?.getAttribute('data-source') ??
      `not listed; the panel says: ${document.getElementById('panel-packages')?.textContent?.slice(0, 600) ?? '(no panel)'}; the output: ${document.querySelector('[data-testid="output"]')?.textContent?.slice(0, 600)}; install box: ${document.querySelector<HTMLInputElement>('[data-testid="install-names"]')?.value}`;
    await app.waitFor('toolz in the session', listed, null, (source) => source === 'index');
    const session = await app.browser.evaluate(() => new URLSearchParams(location.search).get('session') ?? '', null);
    await app.open(`${app.baseUrl}/?session=${session}`);
    await app.waitFor(
      'the packages restored',
      () =>
        `${document.querySelector('[data-testid="output"]')?.textContent ?? ''} | packages: ${document.getElementById('panel-packages')?.textContent?.slice(0, 400) ?? ''} | url: ${location.search}`,
      null,
      (t) => t.includes("Restored this session's packages: toolz 1.0.0."),
    );
    const frequencies = await app.browser.evaluate(async () => {
      const result = await window.executor.engine.execute('import toolz\nprint(toolz.frequencies("abca")["a"])');
      return result.stdout;
    }, null);
    expect(frequencies).toBe('2\n');
    // The wheel came from the page's Cache Storage: no request for it after the reload (WebKitGTK's ephemeral
    // sessions keep no Cache Storage, so there it is downloaded again: not claimed).
    if (!test.info().project.name.startsWith('webkit')) {
      const fetched = await app.browser.evaluate(
        () => performance.getEntriesByType('resource').filter((e) => e.name.includes('toolz')).length,
        null,
      );
      expect(fetched).toBe(0);
    }
  });
});
