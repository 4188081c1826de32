import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createZip } from '../scripts/packages/createZip.mjs';
import { RED_PNG } from './support/redPng.ts';
import { expect, test } from './fixtures.ts';
import type { ExecutorPage } from './pages/ExecutorPage.ts';

const item = (executor: ExecutorPage, path: string) => executor.page.locator(`[data-testid="file-item"][data-path="${path}"]`);

/** Downloads through a button and returns the bytes the browser saved. */
async function downloadBytes(executor: ExecutorPage, testId: string): Promise<Buffer> {
  const downloading = executor.page.waitForEvent('download');
  await executor.page.getByTestId(testId).click();
  return readFile(await (await downloading).path());
}

test.describe('workspace', () => {
  // Programs here write files: safe mode (on by default, as the seed's FORBIDDEN_FUNCTIONS has open) would refuse them.
  test.beforeEach(async ({ executor }) => executor.setSafeMode(false));

  test('what a program writes comes back: a CSV as a table, a PNG as a picture, both downloadable byte for byte', async ({ executor }) => {
    await executor.run(
      `${RED_PNG}
import csv
with open('report.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['n', 'square'])
    w.writerows([n, n * n] for n in range(1, 1501))
open('plot.png', 'wb').write(Red(3, 2)._repr_png_())
print('written')`,
    );
    await expect(item(executor, 'report.csv')).toHaveAttribute('data-kind', 'text');
    await expect(item(executor, 'report.csv')).toHaveAttribute('data-change', 'new');
    await expect(item(executor, 'plot.png')).toHaveAttribute('data-kind', 'binary');
    const pngSize = Number(await item(executor, 'plot.png').getAttribute('data-size'));
    expect(pngSize).toBeGreaterThan(40);

    await item(executor, 'plot.png').click();
    const picture = executor.page.getByTestId('file-image');
    await expect(picture).toBeVisible();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`)).toBe('3x2');
    const png = await downloadBytes(executor, 'file-download');
    expect(png.length).toBe(pngSize);
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const fromPython = await executor.page.evaluate(() => {
      const file = window.executor.project.files().find((f) => f.path === 'plot.png');
      return file && 'bytes' in file ? Array.from(file.bytes) : null;
    });
    expect(fromPython).toEqual([...png]);

    await item(executor, 'report.csv').click();
    const table = executor.page.getByTestId('file-table');
    await expect(table).toHaveAttribute('data-rows', '1501');
    await expect(table.locator('tbody tr')).toHaveCount(999); // the first 1,000 rows, one of them the header
    await expect(table.locator('thead')).toHaveText('nsquare');
    const csv = await downloadBytes(executor, 'file-download');
    expect(csv.toString('utf8').split('\r\n').slice(0, 3)).toEqual(['n,square', '1,1', '2,4']);
  });

  test('a program that deletes a file takes it out of the tree; one that rewrites the open file shows the new text, and Undo brings back the old', async ({
    executor,
  }) => {
    await executor.run(`open('scratch.txt', 'w').write('temporary')`);
    await expect(item(executor, 'scratch.txt')).toBeVisible();
    await executor.run(`import os\nos.remove('scratch.txt')`);
    await expect(item(executor, 'scratch.txt')).toHaveCount(0);

    const program = `import pathlib\np = pathlib.Path('main.py')\np.write_text(p.read_text().replace('before', 'after'))\n# before`;
    await executor.run(program);
    await expect.poll(() => executor.code()).toContain('# after');
    await expect(executor.editor.locator('.view-lines')).toContainText('# after');
    await expect(item(executor, 'main.py')).toHaveAttribute('data-change', 'modified');
    await executor.editor.locator('.monaco-editor').click();
    await executor.page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => executor.code()).toContain('# before');
    await expect(item(executor, 'main.py')).not.toHaveAttribute('data-change', /./); // the edit ends the marks
  });

  test('a .zip with a .gz fixture imports whole, and a test that opens it with gzip passes', async ({ executor }) => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const zip = createZip([
      { path: 'atlas/tests/data/atlas.dat.gz', data: new Uint8Array(gzipSync('node,degree\na,3\nb,1\n')) },
      {
        path: 'atlas/tests/test_atlas.py',
        data: encode(
          'import gzip, pathlib\n\n\ndef test_reads_the_fixture():\n' +
            '    text = gzip.open(pathlib.Path(__file__).parent / "data" / "atlas.dat.gz", "rt").read()\n' +
            '    assert text.splitlines()[1] == "a,3"\n',
        ),
      },
      { path: 'atlas/conftest.py', data: encode('') },
    ]);
    await executor.page
      .getByTestId('import-files')
      .setInputFiles({ name: 'atlas.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await expect(item(executor, 'tests/data/atlas.dat.gz')).toHaveAttribute('data-kind', 'binary');
    await executor.showPanel('tests');
    await executor.page.getByTestId('tests-run').click();
    await expect(executor.page.getByTestId('tests-summary')).toContainText('1 passed', { timeout: 90_000 });
  });

  test('a file over 50 MB is refused with the cap named', async ({ executor }, testInfo) => {
    // Playwright hands over at most 50 MB as a buffer: a file on disk instead.
    const huge = testInfo.outputPath('huge.bin');
    await writeFile(huge, Buffer.alloc(60 * 2 ** 20));
    await executor.page.getByTestId('import-files').setInputFiles(huge);
    await expect(executor.page.getByTestId('files-error')).toContainText('huge.bin is 60.0 MB, over the 50.0 MB a project file may hold');
    await expect(item(executor, 'huge.bin')).toHaveCount(0);
  });

  test('a project of 3,000 files opens, its tree scrolls to the last file, and folders fold', async ({ executor }) => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      path: `big/pkg${String(i % 30).padStart(2, '0')}/mod${String(i).padStart(4, '0')}.py`,
      data: encode(`X = ${i}\n`),
    }));
    await executor.page
      .getByTestId('import-files')
      .setInputFiles({ name: 'big.zip', mimeType: 'application/zip', buffer: Buffer.from(createZip(entries)) });
    await expect.poll(() => executor.page.evaluate(() => window.executor.project.files().length)).toBe(3001);
    const list = executor.page.getByTestId('files-list');
    // Virtualized: far fewer rows in the page than files.
    expect(await executor.page.getByTestId('file-item').count()).toBeLessThan(200);
    const first = executor.page.locator('[data-testid="folder-item"][data-path="pkg00"]');
    await first.click();
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await expect(item(executor, 'pkg00/mod0000.py')).toHaveCount(0);
    await expect(executor.page.locator('[data-testid="folder-item"][data-path="pkg01"]')).toBeVisible();
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(item(executor, 'main.py')).toBeVisible();
  });

  test('binary files survive a reload, an Export and Import of the .zip, and a session file; a share link names what it leaves out', async ({
    executor,
  }) => {
    const page = executor.page;
    await executor.run(`${RED_PNG}\nopen('plot.png', 'wb').write(Red(4, 4)._repr_png_())`);
    await expect(item(executor, 'plot.png')).toHaveAttribute('data-kind', 'binary');
    const bytesOf = () =>
      page.evaluate(() => {
        const file = window.executor.project.files().find((f) => f.path === 'plot.png');
        return file && 'bytes' in file ? Array.from(file.bytes) : null;
      });
    const original = await bytesOf();
    expect(original?.slice(1, 4)).toEqual([80, 78, 71]); // "PNG"

    await page.reload();
    await executor.waitReady();
    await expect.poll(bytesOf).toEqual(original);

    // Export, then import the .zip into an empty session: the same bytes.
    const zip = await downloadBytes(executor, 'export-zip');
    await page.getByTestId('session-new').click();
    await expect(item(executor, 'plot.png')).toHaveCount(0);
    await page.getByTestId('import-files').setInputFiles({ name: 'project.zip', mimeType: 'application/zip', buffer: zip });
    await expect(item(executor, 'plot.png')).toHaveAttribute('data-kind', 'binary');
    await expect.poll(bytesOf).toEqual(original);

    // The link leaves the picture out and says so; the session file carries it.
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-left-out')).toContainText('plot.png');
    const sessionFile = await downloadBytes(executor, 'share-export');
    expect(JSON.parse(sessionFile.toString('utf8')).files).toContainEqual({
      path: 'plot.png',
      base64: Buffer.from(original ?? []).toString('base64'),
    });
    await page.getByTestId('share').click();
    await page.getByTestId('session-menu').click();
    await page
      .getByTestId('session-import')
      .setInputFiles({ name: 'with-picture.executor-session.json', mimeType: 'application/json', buffer: sessionFile });
    await expect(page.getByTestId('share-banner')).toContainText('plot.png');
    await expect.poll(bytesOf).toEqual(original);
  });
});
