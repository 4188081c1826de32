import { expect, test } from './fixtures.ts';
import { prepareSoak, runSoak } from '../scripts/soak/runSoak.ts';
import { SHORT_SOAK } from '../scripts/soak/soakPlan.ts';

// The soak's short form (issue #37): the long one is `npm run soak` (scripts/soak.ts), by hand.
test.describe('a long day, short', () => {
  test.use({ freshPage: true });

  test('runs, test runs, Restarts, debug sessions and session switches leave heap, DOM, workers and IndexedDB as they were', async ({
    executor,
  }) => {
    test.setTimeout(15 * 60_000);
    const { page } = executor;
    await prepareSoak(page);
    const report = await runSoak(page, SHORT_SOAK, { log: (line) => console.log(line) });
    console.log(JSON.stringify(report));
    // Within 10% of the figures after the first hundred operations.
    for (const [figure, ratio] of Object.entries(report.ratio)) expect(ratio, figure).toBeLessThanOrEqual(1.1);
    expect(await executor.runCount()).toBeGreaterThanOrEqual(SHORT_SOAK.run);
  });
});
