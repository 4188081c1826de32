import { readFileSync } from 'node:fs';
import lzString from 'lz-string';
import { expect, test } from './fixtures.ts';
import { ExecutorPage } from './pages/ExecutorPage.ts';
import { SessionPage } from './pages/SessionPage.ts';

// lz-string is CommonJS: Node gives it as one default export.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = lzString;
const MAIN = 'from helpers import twice\nvalue = twice(21)\nprint("value", value)';
const HELPERS = 'def twice(n):\n    return 2 * n';

test.describe('sessions and shareable links', () => {
  // Sessions are what a browser keeps: each test starts from a browser that has none.
  test.use({ freshPage: true });

  test('the project saved before sessions existed becomes the first session', async ({ page }) => {
    // An older Executor's database: version 1, the project under "project"/"current".
    await page.goto('/api/config');
    const legacy = {
      files: [
        { path: 'calc.py', content: HELPERS },
        { path: 'main.py', content: MAIN },
      ],
      activePath: 'calc.py',
      openPaths: ['main.py', 'calc.py'],
    };
    await page.evaluate(
      (project) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('executor', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('project');
          req.onerror = () => reject(new Error(`IndexedDB: ${req.error?.message}`));
          req.onsuccess = () => {
            const tx = req.result.transaction('project', 'readwrite');
            tx.objectStore('project').put(project, 'current');
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(new Error(`IndexedDB: ${tx.error?.message}`));
          };
        }),
      legacy,
    );
    const executor = new ExecutorPage(page);
    await executor.open();
    const session = new SessionPage(executor);
    await expect(session.switcher.locator('option')).toHaveText(['Session 1']);
    await expect(executor.page.getByTestId('file-item')).toHaveCount(2);
    await expect.poll(() => executor.code()).toBe(HELPERS); // the file that was open is open
    await session.expectFile('main.py', MAIN);
  });

  test('two files typed are back after a reload, and "Re-run history" rebuilds the variables', async ({ executor }) => {
    const session = new SessionPage(executor);
    await executor.setCode(MAIN);
    await session.newFile('helpers.py', HELPERS);
    await session.fileItem('main.py').click();
    await executor.waitRunsDone(await executor.startRun());
    await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText('value 42\n');

    await session.reload();
    await expect(executor.page).toHaveURL(/\?session=/);
    await session.expectFile('main.py', MAIN);
    await session.expectFile('helpers.py', HELPERS);
    await expect(executor.output).toContainText('Python’s variables do not survive a reload');
    await executor.page.getByTestId('rerun-history').click();
    await expect(executor.output).toContainText('Re-run history: 1 of 1 succeeded');
    await session.fileItem('main.py').click();
    await executor.run('print(value + 1)');
    await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText('43\n');
  });

  test('a hard kill of the interpreter mid-run loses nothing typed', async ({ executor }) => {
    const session = new SessionPage(executor);
    await executor.setLimits({ timeout: '1' });
    await session.newFile('helpers.py', HELPERS);
    await session.fileItem('main.py').click();
    const runaway =
      'print("looping")\nwhile True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass';
    await executor.setCode(runaway);
    const done = await executor.startRun();
    await expect(executor.output).toContainText('looping');
    await executor.waitRunsDone(done);
    await expect(executor.output).toContainText('did not stop when interrupted');
    await session.expectFile('helpers.py', HELPERS);

    await session.reload();
    await session.expectFile('helpers.py', HELPERS);
    await session.expectFile('main.py', runaway);
    await expect(executor.page.getByTestId('setting-timeout')).toHaveValue('1');
  });

  test('a shared two-file session opens in a fresh browser with the same files and settings, and nothing runs', async ({
    executor,
    browser,
  }) => {
    const session = new SessionPage(executor);
    await executor.setLimits({ timeout: '7', memory: '256' });
    await executor.setCode(MAIN);
    await session.newFile('helpers.py', HELPERS);
    await session.rename('Twice');
    await executor.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const link = await session.share();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s\/1\/[A-Za-z0-9+\-$]+$/);
    await expect(executor.page.getByTestId('share-size')).toContainText(/\d+(\.\d)? (bytes|KB) of the 8\.0 KB a link may carry/);
    await executor.page.getByTestId('share-copy').click();
    await expect(executor.page.getByTestId('share-copied')).toContainText('Copied the link');
    expect(await executor.page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const context = await browser.newContext();
    try {
      const other = new ExecutorPage(await context.newPage());
      await other.page.goto(link);
      await other.waitReady();
      const shared = new SessionPage(other);
      await expect(shared.banner).toContainText('This session came from a shared link: 2 files (helpers.py, main.py)');
      await expect(shared.banner).toContainText('It has not been run');
      await expect(shared.name).toHaveValue('Twice');
      await expect(other.page.getByTestId('file-item')).toHaveCount(2);
      await shared.expectFile('helpers.py', HELPERS);
      await shared.expectFile('main.py', MAIN);
      await expect(other.page.getByTestId('setting-timeout')).toHaveValue('7');
      await expect(other.page.getByTestId('setting-memory')).toHaveValue('256');
      // Nothing ran: no run counted, no output, an empty history; the link left the address bar.
      expect(await other.runCount()).toBe(0);
      await expect(other.output.locator('[data-kind="stdout"]')).toHaveCount(0);
      await expect(other.page.getByTestId('history-panel')).toHaveAttribute('data-count', '0');
      await expect(other.page).not.toHaveURL(/#s\//);
      // It runs when asked to.
      await other.waitRunsDone(await other.startRun());
      await expect(other.output.locator('[data-kind="stdout"]').last()).toHaveText('value 42\n');
      await expect(shared.banner).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test('a tampered link shows its message and leaves the open session alone', async ({ executor }) => {
    const session = new SessionPage(executor);
    await executor.setCode('mine = "untouched"');
    await session.rename('Mine');
    const link = await session.share();
    const payload = link.slice(link.indexOf('#s/1/') + 5);
    const tampered = `${payload.slice(0, 40)}${payload[40] === 'A' ? 'B' : 'A'}${payload.slice(41, -10)}`;

    await executor.open(`#s/1/${tampered}`);
    await expect(session.error).toContainText('This session link was not opened');
    await expect(session.error).toContainText('Your current session was not changed.');
    await expect(session.switcher.locator('option')).toHaveText(['Mine']);
    await session.expectFile('main.py', 'mine = "untouched"');
    await expect(session.banner).toHaveCount(0);

    // A link with files outside the project, pasted into the address bar of the open page.
    const escape = JSON.parse(decompressFromEncodedURIComponent(payload)) as Record<string, unknown>;
    Object.assign(escape, { files: [{ path: '../../etc/evil.py', content: '' }], activePath: '../../etc/evil.py' });
    await executor.page.evaluate((hash) => (location.hash = hash), `#s/1/${compressToEncodedURIComponent(JSON.stringify(escape))}`);
    await expect(session.error).toContainText('the file "../../etc/evil.py" has ".." in its path');
    await expect(session.switcher.locator('option')).toHaveText(['Mine']);
    await session.expectFile('main.py', 'mine = "untouched"');
    expect(await executor.runCount()).toBe(0);
  });

  test('a session too large for a link is exported as a file instead, and imports back as a new session', async ({ executor }) => {
    const session = new SessionPage(executor);
    const page = executor.page;
    // Random letters do not compress: 12,000 of them cannot fit in an 8 KB link.
    let seed = 11;
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const noise = Array.from(
      { length: 12_000 },
      (_, i) => ((seed = (seed * 48271) % 2147483647), (i + 1) % 80 === 0 ? '\n' : letters[seed % letters.length]),
    ).join('');
    await page
      .getByTestId('import-files')
      .setInputFiles({ name: 'data.py', mimeType: 'text/x-python', buffer: Buffer.from(`DATA = """${noise}"""\n`) });
    await expect(session.fileItem('data.py')).toBeVisible();

    await session.shareButton.click();
    await expect(page.getByTestId('share-error')).toContainText('too large for a link');
    await expect(page.getByTestId('share-error')).toContainText('Export it as a session file instead');
    await expect(session.shareLink).toHaveCount(0);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('share-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Session-1.executor-session.json');
    const text = readFileSync(await download.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'executor-session', version: 1, name: 'Session 1' });

    await page.getByTestId('session-menu').click();
    await page
      .getByTestId('session-import')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "notes"}') });
    await expect(session.error).toContainText('The file “notes.json” was not imported: it is not an Executor session');
    await expect(session.switcher.locator('option')).toHaveCount(1);

    await page
      .getByTestId('session-import')
      .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(session.banner).toContainText(
      'This session came from the session file “Session-1.executor-session.json”: 2 files (data.py, main.py)',
    );
    await expect(session.switcher.locator('option')).toHaveText(['Session 1 (2)', 'Session 1']);
    await expect(session.fileItem('data.py')).toBeVisible();
    expect(await executor.runCount()).toBe(0);
  });

  test('the switcher creates, renames and switches sessions, each with its own files', async ({ executor }) => {
    const session = new SessionPage(executor);
    await session.rename('Alpha');
    await executor.setCode('alpha = 1');
    await session.create();
    await expect(session.name).toHaveValue('Session 2');
    await expect(session.fileItem('main.py')).toBeVisible();
    await expect.poll(() => executor.code()).toBe('');
    await executor.setCode('beta = 2');
    await session.rename('Beta');

    await session.switchTo('Alpha');
    await session.expectFile('main.py', 'alpha = 1');
    await session.reload();
    await expect(session.name).toHaveValue('Alpha');
    await session.expectFile('main.py', 'alpha = 1');
    await session.switchTo('Beta');
    await session.expectFile('main.py', 'beta = 2');
    expect((await session.sessionNames()).sort()).toEqual(['Alpha', 'Beta']);

    // A single-file #code/ link still opens, in a file of its own in the session last used.
    await executor.open(`#code/${compressToEncodedURIComponent('print("from a code link")')}`);
    await expect(session.name).toHaveValue('Beta');
    await session.expectFile('from-link.py', 'print("from a code link")');
    await session.expectFile('main.py', 'beta = 2');
    expect((await session.sessionNames()).sort()).toEqual(['Alpha', 'Beta']);
  });
});

test.describe('one session, two tabs', () => {
  test.use({ freshPage: true });

  test("a second tab shows the session read-only; taking it over saves the first tab's typing first and shows it; nothing is overwritten", async ({
    page,
  }) => {
    const first = new ExecutorPage(page);
    await first.open();
    await first.setCode('print("typed in the first tab")');
    const id = await page.evaluate(() => new URLSearchParams(location.search).get('session') ?? '');
    const second = new ExecutorPage(await page.context().newPage());
    try {
      await second.page.goto(`/?session=${id}`);
      await second.waitReady();
      const banner = second.page.getByTestId('session-readonly');
      await expect(banner).toHaveAttribute('data-access', 'elsewhere');
      await expect(page.getByTestId('session-readonly')).toHaveCount(0);
      // The first tab types on (its save is debounced): the second tab cannot overwrite it.
      await first.setCode('print("still the first tab")');
      await second.page.getByTestId('session-take-over').click();
      await expect(banner).toHaveCount(0);
      await expect.poll(() => second.code()).toBe('print("still the first tab")');
      await expect(page.getByTestId('session-readonly')).toHaveAttribute('data-access', 'taken');
      await expect(first.output).toContainText('Another tab took this session over');
      // The second tab now writes it: a reload there shows its own edit.
      await second.setCode('print("the second tab owns it")');
      await second.page.reload();
      await second.waitReady();
      await expect.poll(() => second.code()).toBe('print("the second tab owns it")');
      await expect(second.page.getByTestId('session-readonly')).toHaveCount(0);
    } finally {
      await second.page.close();
    }
  });
});
