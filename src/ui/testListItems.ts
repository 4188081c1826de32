import type { TestOutcome, TestRecord } from '../protocol/testProtocol.ts';

/** Which tests the Tests panel shows: one outcome, those held back by the platform, or all. */
export type OutcomeFilter = 'all' | TestOutcome | 'platform';

/** One line of the Tests panel's list: a file's header or one of its tests. */
export type TestListItem =
  | { kind: 'file'; file: string; counts: Partial<Record<TestOutcome, number>>; total: number; collapsed: boolean }
  | { kind: 'test'; record: TestRecord };

/** The file a node id belongs to ("tests/test_calc.py" for "tests/test_calc.py::TestX::test_y"). */
export const fileOf = (nodeId: string): string => nodeId.split('::')[0] ?? nodeId;

/** Whether a record passes the outcome filter and the text (matched in its node id, message and platform label). */
export function matches(record: TestRecord, outcome: OutcomeFilter, text: string): boolean {
  if (outcome === 'platform' ? record.platform === null : outcome !== 'all' && record.outcome !== outcome) return false;
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [record.nodeId, record.message ?? '', record.platform ?? ''].some((s) => s.toLowerCase().includes(needle));
}

/** How many records have each outcome, and how many a platform limit held back. */
export function countOutcomes(records: readonly TestRecord[]): Record<OutcomeFilter, number> {
  const counts: Record<OutcomeFilter, number> = {
    all: records.length,
    platform: 0,
    passed: 0,
    failed: 0,
    error: 0,
    skipped: 0,
    xfailed: 0,
    xpassed: 0,
  };
  for (const r of records) {
    counts[r.outcome] += 1;
    if (r.platform !== null) counts.platform += 1;
  }
  return counts;
}

/**
 * The list the panel draws: the records that pass the filters, grouped by file (files in the order their
 * first test came), each group under a header with its counts; a collapsed file shows its header only.
 */
export function testListItems(
  records: readonly TestRecord[],
  outcome: OutcomeFilter,
  text: string,
  collapsed: ReadonlySet<string>,
): TestListItem[] {
  const groups = new Map<string, TestRecord[]>();
  for (const r of records) {
    if (!matches(r, outcome, text)) continue;
    const file = fileOf(r.nodeId);
    const group = groups.get(file);
    if (group) group.push(r);
    else groups.set(file, [r]);
  }
  const items: TestListItem[] = [];
  for (const [file, group] of groups) {
    const counts: Partial<Record<TestOutcome, number>> = {};
    for (const r of group) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
    const isCollapsed = collapsed.has(file);
    items.push({ kind: 'file', file, counts, total: group.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const record of group) items.push({ kind: 'test', record });
  }
  return items;
}
