import { expect, test } from './fixtures.ts';

test('validate_code shows diagnostics as you type, as editor markers and in the list', async ({ executor }) => {
  const { page } = executor;
  await executor.setCode('import js\ne = eval\nwhile True:\n    x = 1');
  const rows = page.getByTestId('diagnostic');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-rule', 'js-access');
  await expect(rows.nth(1)).toHaveAttribute('data-rule', 'forbidden-function');
  await expect(rows.nth(2)).toHaveAttribute('data-severity', 'warning');
  await expect(page.getByTestId('diagnostics-summary')).toContainText('safe mode will refuse');
  await expect(executor.editor.locator('.squiggly-error')).not.toHaveCount(0);
  await executor.setCode('print("clean")');
  await expect(page.getByTestId('diagnostics-summary')).toHaveText('No problems found.');
});

test('safe mode refuses risky code with status security and the reasons; off, it runs', async ({ executor }) => {
  const { page } = executor;
  await executor.run('import gc\nprint("ran", len(gc.get_objects()) > 0)');
  expect(await executor.lastStatus()).toBe('security');
  await expect(executor.output).toContainText("import of 'gc' is not allowed by the current policy");
  await expect(executor.output).not.toContainText('ran True');
  await expect(page.getByTestId('safe-mode-badge')).toHaveText('Safe mode on');
  await executor.setSafeMode(false);
  await expect(page.getByTestId('safe-mode-badge')).toHaveText('Safe mode off');
  await executor.run('import gc\nprint("ran", len(gc.get_objects()) > 0)');
  expect(await executor.lastStatus()).toBe('ok');
  await expect(executor.output).toContainText('ran True');
});

test('settings: allowlist edits apply, bad values are named and nothing is applied, presets load', async ({ executor }) => {
  const { page } = executor;
  await executor.setPolicy({ allowedModules: 'numpy, gc' });
  await executor.run('import gc\nprint("gc ok")');
  await expect(executor.output).toContainText('gc ok');
  await executor.setPolicy({ allowedModules: 'numpy, os.path' });
  await expect(page.locator('#setting-allowed-modules-error')).toContainText('"os.path" is not a top-level module name');
  await executor.setLimits({ timeout: '-1' });
  await expect(page.locator('#setting-timeout-error')).toContainText('Timeout must be between');
  await executor.openSettings();
  await page.getByTestId('setting-preset').selectOption('Teaching');
  await expect(page.getByTestId('setting-timeout')).toHaveValue('10');
  await expect(page.getByTestId('setting-allowed-modules')).toHaveValue('');
  await expect(page.getByTestId('policy-note')).toContainText('guard against accidents and a teaching aid');
});

test('install refuses a package the allowlist does not cover, before any download', async ({ executor }) => {
  const { page } = executor;
  const report = await page.evaluate(() => window.executor.engine.install(['pytest', 'scipy']));
  expect(report.failed).toEqual([
    expect.objectContaining({ name: 'scipy', reason: expect.stringMatching(/not allowed in safe mode.*nothing was downloaded/) }),
  ]);
  void executor;
});
