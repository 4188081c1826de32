import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/**
 * The seed's "calculator with tests" as two top-level files: the fixture's calc.py as
 * calculator.py, and a test file with three passing tests and one failing one.
 *
 * With coverage (coverage.py counts the same as e2e/tests.spec.ts's fixture run: 22
 * statements, 8 branches): add, divide (both ways) and power (loop entered and left)
 * run, so the missing lines are subtract's (9), classify's (19-23) and describe's (34-35),
 * and calculator.py is (14 statements + 4 branches) / (22 + 8) = 60% covered.
 */
export const CALCULATOR_FILES = [
  { path: 'calculator.py', content: readFileSync(new URL('../fixtures/calculator/calc.py', import.meta.url), 'utf8') },
  {
    path: 'test_calculator.py',
    content: `import pytest

from calculator import add, divide, power


def test_add():
    assert add(2, 3) == 5


def test_divide():
    assert divide(6, 3) == 2


def test_divide_by_zero():
    with pytest.raises(ZeroDivisionError):
        divide(1, 0)


def test_power():
    assert power(2, 3) == 9
`,
  },
];

/** Imports files into the project with the file tree's Import button, as a user picks them. */
export async function importFiles(page: Page, files: ReadonlyArray<{ path: string; content: string }>): Promise<void> {
  await page
    .getByTestId('import-files')
    .setInputFiles(files.map((f) => ({ name: f.path, mimeType: 'text/x-python', buffer: Buffer.from(f.content) })));
  for (const f of files) await expect(page.locator(`[data-testid="file-item"][data-path="${f.path}"]`)).toBeVisible();
}
