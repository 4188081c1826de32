import { expect, test } from '../fixtures.ts';
import { startCollector, type Collector } from '../support/startCollector.ts';
import { ATTACKS } from './attacks.ts';

declare global {
  interface Window {
    /** Longest main-thread task seen during an attack, in ms. */
    __longestTask?: number;
  }
}

let collector: Collector;
test.beforeAll(async () => {
  collector = await startCollector();
});
test.afterAll(async () => {
  await collector.close();
});
test.afterEach(() => {
  // Whatever the attack tried, nothing reached the collector.
  expect(collector.requests).toEqual([]);
});

for (const [group, attacks] of Object.entries(ATTACKS)) {
  test.describe(`attack: ${group}`, () => {
    for (const attack of attacks) {
      test(attack.name, async ({ executor, baseURL }) => {
        const { page } = executor;
        // Attacks that wait on the browser's memory measurement take longer than a test's default minute.
        if (attack.runTimeoutMs !== undefined || attack.later?.waitFor) test.setTimeout(180_000);
        const title = await page.title();
        if (!attack.safeMode) await executor.setSafeMode(false);
        if (attack.setup?.timeout || attack.setup?.memory || attack.setup?.output)
          await executor.setLimits({ timeout: attack.setup.timeout, memory: attack.setup.memory, output: attack.setup.output });
        if (attack.setup?.forbiddenFunctions !== undefined)
          await executor.setPolicy({ forbiddenFunctions: attack.setup.forbiddenFunctions });
        // The page must stay responsive whatever the program does: no main-thread task over 1 s.
        await page.evaluate(() => {
          window.__longestTask = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__longestTask = Math.max(window.__longestTask ?? 0, e.duration);
          }).observe({ type: 'longtask' });
        });
        await executor.run(attack.code({ collector: collector.url, app: baseURL ?? '' }), attack.runTimeoutMs);
        expect(await page.evaluate(() => window.__longestTask ?? 0)).toBeLessThan(1000);

        expect(attack.status).toContain(await executor.lastStatus());
        for (const pattern of attack.expect ?? []) await expect(executor.output).toContainText(pattern);
        await expect(executor.output).not.toContainText('ESCAPED');
        if (attack.minOutputChars !== undefined) {
          const code = attack.code({ collector: collector.url, app: baseURL ?? '' });
          const chars = await page.evaluate(
            async ([c, limit]) => (await window.executor.engine.execute(c, { maxOutputChars: limit })).stdout.length,
            [code, Number(attack.setup?.output ?? 10_000)] as const,
          );
          expect(chars).toBeGreaterThanOrEqual(attack.minOutputChars);
        }
        // Nothing the program did reached the page: no injected nodes, same title.
        await expect(page.locator('body img, body script:not([src])')).toHaveCount(0);
        expect(await page.title()).toBe(title);

        if (attack.clickLinks) {
          const frames = page.getByTestId('display-html');
          await expect(frames).not.toHaveCount(0);
          for (let i = 0; i < (await frames.count()); i++) {
            const frame = page.frameLocator('[data-testid="display-html"]').nth(i);
            const targets = frame.locator('a, button, svg text');
            for (let j = 0; j < (await targets.count()); j++) await targets.nth(j).click();
          }
          // Every click showed its URL instead of going there; the frames still show their own documents.
          await expect(page.getByTestId('display-link-offer').first()).toContainText(collector.url);
          for (const f of page.frames().filter((f) => f.parentFrame() === page.mainFrame() && f.url().startsWith('about:')))
            expect(f.url()).toBe('about:srcdoc');
          await expect(page.frameLocator('[data-testid="display-html"]').first().locator('#here')).toBeVisible();
        }
        if (attack.later) {
          // Up to a lost measurement's 30 s, then a new one's ~20 s, on a loaded machine.
          if (attack.later.waitFor) await expect(executor.output).toContainText(attack.later.waitFor, { timeout: 90_000 });
          await executor.setSafeMode(attack.later.safeMode);
          await executor.run(attack.later.code);
          expect(attack.later.status).toContain(await executor.lastStatus());
          for (const pattern of attack.later.expect ?? []) await expect(executor.output).toContainText(pattern);
          await expect(executor.output).not.toContainText('ESCAPED');
        }
        if (attack.thenRunWorks) {
          await executor.run('print("next run works")');
          await expect(executor.output).toContainText('next run works');
          expect(await executor.lastStatus()).toBe('ok');
        }
      });
    }
  });
}
