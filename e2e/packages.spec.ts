import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeCdnUrl } from '../playwright.config.ts';
import { readFixtureProject } from '../src/testing/readFixtureProject.ts';
import { DEMO_GREETING } from './support/demoWheel.ts';
import { expect, test } from './fixtures.ts';

const HYPOTHESIS_FILES = readFixtureProject(fileURLToPath(new URL('./fixtures/hypothesis', import.meta.url))).filter(
  (f) => 'content' in f,
) as Array<{ path: string; content: string }>;
const PACKAGES_DIR = fileURLToPath(new URL('../public/packages/', import.meta.url));
const PYTEST_WHEEL =
  PACKAGES_DIR + (readdirSync(PACKAGES_DIR).find((f) => /^pytest-.*\.whl$/.test(f)) ?? 'pytest wheel missing: run npm run packages');

test('an import of a self-hosted package loads it before the run, offline', async ({ executor }) => {
  await executor.run('import pytest\nprint("pytest", pytest.__version__)');
  await expect(executor.output).toContainText(/Loaded .*pytest 8\.3\.5/);
  await expect(executor.output).not.toContainText('SyntaxWarning');
  await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText('pytest 8.3.5\n');
  expect(await executor.lastStatus()).toBe('ok');
});

test('a package only on the CDN fails with one clear line, not a stack trace', async ({ executor }) => {
  await executor.run('import numpy');
  expect(await executor.lastStatus()).toBe('error');
  const error = executor.output.locator('[data-kind="error"]').last();
  await expect(error).toContainText("No module named 'numpy'");
  await expect(error).toContainText('numpy could not be downloaded from the package CDN (http://127.0.0.1:');
  await expect(error).toContainText('it is not available offline');
  // Said once (in the error, not again as a notice), with no stray "Loaded <dependency>" line.
  expect((await executor.output.innerText()).match(/not available offline/g)).toHaveLength(1);
  await expect(executor.output).not.toContainText('Loaded ');
  // No "Install numpy" button that would fail the same way: the suggestion says why instead.
  const suggestions = executor.page.getByTestId('run-suggestions');
  await expect(suggestions).toContainText('numpy is not available offline');
  await expect(suggestions.getByTestId('suggestion-install')).toHaveCount(0);
});

test('the settings show where packages come from: this server first, then the CDN', async ({ executor }) => {
  const { page } = executor;
  await executor.openSettings();
  await expect(page.getByTestId('package-source-self')).toContainText('/packages/');
  for (const name of ['coverage', 'pytest', 'pluggy']) await expect(page.getByTestId('package-source-self')).toContainText(name);
  await expect(page.getByTestId('package-source-cdn')).toContainText(fakeCdnUrl);
  await expect(page.getByTestId('package-source-pypi')).toContainText('PyPI for pure-Python packages in neither, installed with micropip');
});

test('a package outside the index goes to PyPI through micropip; without the internet that is one clear line', async ({ executor }) => {
  const { page } = executor;
  await executor.setSafeMode(false); // humanize is not on the safe-mode allowlist
  await executor.showPanel('packages');
  await page.getByTestId('install-names').fill('humanize');
  await page.getByTestId('install-submit').click();
  // micropip itself comes from the package CDN (here a local stand-in that does not have it).
  await expect(executor.output).toContainText("humanize is not in Executor's package index. Installing it from PyPI needs micropip");
  await expect(executor.output).toContainText('PyPI installs need the internet');
  await expect(page.getByTestId('install-names')).toHaveValue('humanize');
});

test('code that handles a missing package itself still runs', async ({ executor }) => {
  await executor.run('try:\n    import numpy\nexcept ImportError:\n    print("no numpy, carrying on")');
  expect(await executor.lastStatus()).toBe('ok');
  await expect(executor.output).toContainText('no numpy, carrying on');
});

test('dependency analysis lists each import with its verdict and loads what is needed', async ({ executor }) => {
  const { page } = executor;
  await executor.setCode(
    'import os\nimport json\nimport pytest\nimport numpy as np\nfrom sklearn.model_selection import train_test_split\nimport not_a_real_module',
  );
  await executor.showPanel('packages');
  await page.getByTestId('deps-analyze').click();
  const rows = page.getByTestId('deps-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.filter({ hasText: 'os' }).first()).toHaveAttribute('data-verdict', 'stdlib');
  await expect(rows.filter({ hasText: 'pytest' })).toHaveAttribute('data-verdict', 'available');
  await expect(rows.filter({ hasText: 'pytest' })).toContainText('this server');
  await expect(rows.filter({ hasText: 'sklearn' })).toContainText('scikit-learn');
  await expect(rows.filter({ hasText: 'not_a_real_module' })).toHaveAttribute('data-verdict', 'unknown');
  await page.getByTestId('deps-install').click();
  await expect(rows.filter({ hasText: 'pytest' })).toHaveAttribute('data-verdict', 'loaded');
  // The download shows in bytes: every byte of pytest's wheel (and its dependencies') counted.
  const progress = page.getByTestId('download-progress');
  await expect(progress).toHaveAttribute('data-done', 'true');
  const loaded = Number(await progress.getAttribute('data-loaded'));
  expect(String(loaded)).toBe(await progress.getAttribute('data-total'));
  expect(loaded).toBeGreaterThanOrEqual(statSync(PYTEST_WHEEL).size);
  await expect(progress).toContainText(/Downloaded \d+ package files: [\d.]+ of [\d.]+ MB/);
  // numpy and scikit-learn are only on the (unreachable) CDN: said plainly in the console
  await expect(executor.output).toContainText('could not be downloaded from the package CDN');
});

test('a wheel from another origin (a CDN stand-in) loads under COEP and the frame CSP', async ({ executor }) => {
  const { page } = executor;
  await executor.setSafeMode(false); // cdn_demo is not on the safe-mode allowlist
  const report = await page.evaluate((url) => window.executor.engine.install([url]), `${fakeCdnUrl}cdn_demo-1.0-py3-none-any.whl`);
  expect(report.failed).toEqual([]);
  await executor.run('import cdn_demo\nprint(cdn_demo.GREETING)');
  await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText(`${DEMO_GREETING}\n`);
});

test('the offline index: sympy, networkx, yaml, rich and Hypothesis come from this server, and @given tests give native counts', async ({
  executor,
}) => {
  const { page } = executor;
  await executor.setSafeMode(false); // these are not on the default safe-mode allowlist
  await executor.setCode('import sympy\nimport networkx\nimport yaml\nfrom rich.console import Console\nimport hypothesis');
  await executor.showPanel('packages');
  await page.getByTestId('deps-analyze').click();
  const rows = page.getByTestId('deps-row');
  await expect(rows).toHaveCount(5);
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-verdict', 'available');
    await expect(row).toContainText('this server');
  }

  await executor.run('import sympy\nx = sympy.Symbol("x")\nprint(sympy.factor(x**2 - 1))', 90_000);
  expect(await executor.lastStatus()).toBe('ok');
  await expect(executor.output).toContainText(/Loaded .*sympy 1\.13\.3/);
  await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText('(x - 1)*(x + 1)\n');

  // Native pytest on e2e/fixtures/hypothesis: "1 failed, 3 passed" (src/worker/pytestParity.test.ts checks it).
  await page.evaluate((files) => {
    for (const f of files) window.executor.project.writeFile(f.path, f.content);
  }, HYPOTHESIS_FILES);
  await executor.showPanel('tests');
  await page.getByTestId('tests-run').click();
  await expect(page.getByTestId('tests-summary')).toContainText('1 failed, 3 passed', { timeout: 120_000 });
  await expect(page.locator('[data-testid="test-row"][data-outcome="failed"]')).toHaveAttribute(
    'data-node-id',
    'test_codec.py::test_mean_is_between_min_and_max',
  );
});

test('every wheel comes through the page: the frame may connect nowhere, and a second install of a CDN wheel makes no request', async ({
  executor,
}) => {
  const { page } = executor;
  const frame = await page.request.get('/frame.html');
  expect(frame.headers()['content-security-policy']).toContain("connect-src 'none'");
  const cdnRequests = async () =>
    ((await (await page.request.get(new URL('/requests', fakeCdnUrl).href)).json()) as { wheel: number }).wheel;
  await executor.setSafeMode(false); // cdn_demo is not on the safe-mode allowlist
  const url = `${fakeCdnUrl}cdn_demo-1.0-py3-none-any.whl`;
  const before = await cdnRequests();
  expect((await page.evaluate((u) => window.executor.engine.install([u]), url)).failed).toEqual([]);
  const afterFirst = await cdnRequests();
  // At most one request: another test of this page may have installed it already (then none).
  expect(afterFirst - before).toBeLessThanOrEqual(1);
  await page.evaluate(() => window.executor.engine.reset());
  expect((await page.evaluate((u) => window.executor.engine.install([u]), url)).failed).toEqual([]);
  await executor.run('import cdn_demo\nprint(cdn_demo.GREETING)');
  await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText(`${DEMO_GREETING}\n`);
  expect(await cdnRequests()).toBe(afterFirst);
});

test("a session's packages stay: listed with their source, installed again after a reload (no new download), after Restart and in test interpreters", async ({
  executor,
}) => {
  const { page } = executor;
  const cdnRequests = async () =>
    ((await (await page.request.get(new URL('/requests', fakeCdnUrl).href)).json()) as { wheel: number }).wheel;
  await executor.setSafeMode(false); // cdn_demo is not on the safe-mode allowlist
  await executor.showPanel('packages');
  const url = `${fakeCdnUrl}cdn_demo-1.0-py3-none-any.whl`;
  await page.getByTestId('install-names').fill(url);
  await page.getByTestId('install-submit').click();
  const row = page.locator('[data-testid="session-package"][data-name="cdn_demo"]');
  await expect(row).toHaveAttribute('data-source', 'url');
  await expect(row).toContainText('1.0');
  const downloads = await cdnRequests();

  // A reload: the session opens and installs it again, from the page's cache.
  await page.reload();
  await executor.waitReady();
  await expect(executor.output).toContainText("Restored this session's packages: cdn_demo 1.0.");
  await executor.run('import cdn_demo\nprint(cdn_demo.GREETING)');
  await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText(`${DEMO_GREETING}\n`);
  expect(await cdnRequests()).toBe(downloads);

  // Restart: the new interpreter installs it before its first run.
  await page.getByTestId('reset').click();
  await executor.waitReady();
  await executor.run('import cdn_demo\nprint("after restart:", cdn_demo.GREETING)');
  await expect(executor.output).toContainText(`after restart: ${DEMO_GREETING}`);

  // The test interpreters have it too.
  await page.evaluate(() =>
    window.executor.project.writeFile('test_demo.py', 'import cdn_demo\n\ndef test_greeting():\n    assert cdn_demo.GREETING\n'),
  );
  await executor.showPanel('tests');
  await page.getByTestId('tests-run').click();
  await expect(page.getByTestId('tests-summary')).toContainText('1 passed', { timeout: 90_000 });
  expect(await cdnRequests()).toBe(downloads);

  // Remove takes it off the session's list.
  await executor.showPanel('packages');
  await row.getByTestId('session-package-remove').click();
  await expect(row).toHaveCount(0);
});

test('a share link carries the packages; one from outside the index is installed only when the person says so', async ({ executor }) => {
  const { page } = executor;
  await executor.setSafeMode(false);
  const url = `${fakeCdnUrl}cdn_demo-1.0-py3-none-any.whl`;
  expect((await page.evaluate((u) => window.executor.engine.install([u]), url)).failed).toEqual([]);
  await executor.showPanel('packages');
  await page.getByTestId('install-names').fill('six');
  await page.getByTestId('install-submit').click();
  await expect(page.getByTestId('session-package')).toHaveCount(1); // six: engine.install alone is not the session's
  await page.getByTestId('install-names').fill(url);
  await page.getByTestId('install-submit').click();
  await expect(page.getByTestId('session-package')).toHaveCount(2);
  await page.getByTestId('share').click();
  const link = (await page.getByTestId('share-link').textContent()) ?? '';
  expect(link).toContain('#s/');

  await page.goto(link);
  await executor.waitReady();
  // six is from the index: installed at once. The wheel URL waits for a yes.
  await expect(page.locator('[data-testid="session-package"][data-name="six"]')).toHaveCount(1);
  await executor.showPanel('packages');
  const pending = page.getByTestId('pending-packages');
  await expect(pending).toContainText(url);
  await expect(executor.output).toContainText("from outside Executor's index: nothing was installed");
  await page.getByTestId('pending-packages-install').click();
  await expect(page.locator('[data-testid="session-package"][data-name="cdn_demo"]')).toHaveAttribute('data-source', 'url');
  await expect(pending).toHaveCount(0);
});

test('a PEP 723 script installs its dependencies and runs; one naming a package outside the allowlist is refused with the rule named', async ({
  executor,
}) => {
  const script = (deps: string, body: string) => `# /// script\n# requires-python = ">=3.12"\n# dependencies = [${deps}]\n# ///\n${body}\n`;
  await executor.setSafeMode(false);
  await executor.run(script('"tabulate>=0.9"', 'from tabulate import tabulate\nprint(tabulate([[1, 2]], headers=["a", "b"]))'), 60_000);
  expect(await executor.lastStatus()).toBe('ok');
  await expect(executor.output).toContainText("Installing the script's dependencies (PEP 723): tabulate>=0.9");
  await expect(executor.output.locator('[data-kind="stdout"]').last()).toContainText('a    b');

  // Safe mode on, with its default allowlist: the script does not start, and the message names the rule.
  await executor.setSafeMode(true);
  await executor.run(script('"rich"', 'print("should not run")'));
  expect(await executor.lastStatus()).toBe('error');
  const error = executor.output.locator('[data-kind="error"]').last();
  await expect(error).toContainText("The script's declared dependencies could not be met, so it did not run");
  await expect(error).toContainText('rich is not allowed in safe mode');
  await expect(error).toContainText('ALLOWED_MODULES');
  await expect(executor.output).not.toContainText('should not run');
});

test("a project's requirements.txt is offered as one Install in the Packages tab; running does not install it", async ({ executor }) => {
  const { page } = executor;
  await executor.setSafeMode(false);
  await page.evaluate(() => {
    window.executor.project.writeFile('requirements.txt', '# what this project needs\ncachetools>=5\nmore-itertools\n');
    window.executor.project.writeFile('pyproject.toml', '[project]\nname = "demo"\nrequires-python = ">=3.10"\n');
  });
  await executor.run('import sys\nprint("cachetools" in sys.modules)');
  await expect(executor.output.locator('[data-kind="stdout"]').last()).toHaveText('False\n');
  await executor.showPanel('packages');
  const offer = page.getByTestId('declared-deps');
  await expect(offer).toContainText('pyproject.toml and requirements.txt declare: cachetools>=5, more-itertools');
  await page.getByTestId('declared-install').click();
  await expect(page.locator('[data-testid="session-package"][data-name="cachetools"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="session-package"][data-name="more-itertools"]')).toHaveCount(1);
  // A requires-python this Python does not meet is said, with both versions.
  await page.evaluate(() => window.executor.project.writeFile('pyproject.toml', '[project]\nrequires-python = "<3.10"\n'));
  await expect(page.getByTestId('declared-problems')).toContainText('it requires Python <3.10, and Executor runs Python 3.14');
});
