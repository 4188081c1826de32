import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TestRecord } from '../protocol/testProtocol.ts';
import { appStore, useAppStore } from '../store/useAppStore.ts';
import { TestRow } from './TestRow.tsx';
import { countOutcomes, testListItems, type OutcomeFilter, type TestListItem } from './testListItems.ts';

const FILTERS: readonly OutcomeFilter[] = ['all', 'failed', 'error', 'passed', 'skipped', 'xfailed', 'xpassed', 'platform'];
const FILTER_LABELS: Record<OutcomeFilter, string> = {
  all: 'All',
  failed: 'Failed',
  error: 'Errors',
  passed: 'Passed',
  skipped: 'Skipped',
  xfailed: 'xfailed',
  xpassed: 'xpassed',
  platform: 'Platform limits',
};

function FileHeader({ item, onToggle }: { item: Extract<TestListItem, { kind: 'file' }>; onToggle: () => void }) {
  const canRun = useAppStore((s) => s.engine !== null && !s.running && s.projectLoaded);
  const counts = Object.entries(item.counts)
    .map(([outcome, n]) => `${n} ${outcome}`)
    .join(', ');
  return (
    <div className="test-file" data-testid="test-file" data-file={item.file}>
      <button type="button" className="test-file-toggle" aria-expanded={!item.collapsed} onClick={onToggle}>
        <span aria-hidden="true">{item.collapsed ? '▸' : '▾'}</span> <code>{item.file}</code>
      </button>
      <span className="test-file-counts">{counts}</span>
      <button
        type="button"
        className="btn btn-small"
        disabled={!canRun}
        title={`Run ${item.file}`}
        aria-label={`Run ${item.file}`}
        onClick={() => void appStore.getState().runTests([item.file])}
      >
        Run
      </button>
    </div>
  );
}

/**
 * The tests of a run, grouped by file, filtered by outcome and by text, virtualized: only the rows in view
 * (and a margin) are in the page, so a suite of thousands scrolls and updates without long tasks.
 */
export function TestList({ records }: { records: readonly TestRecord[] }) {
  const [outcome, setOutcome] = useState<OutcomeFilter>('all');
  const [text, setText] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const counts = useMemo(() => countOutcomes(records), [records]);
  const items = useMemo(() => testListItems(records, outcome, text, collapsed), [records, outcome, text, collapsed]);
  // No React Compiler here: the virtualizer re-renders this component itself as the list scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i]?.kind === 'file' ? 28 : 30),
    getItemKey: (i) => {
      const item = items[i];
      return item?.kind === 'file' ? `file:${item.file}` : `test:${item?.record.nodeId ?? i}`;
    },
    overscan: 24,
  });
  const toggle = (file: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(file)) next.add(file);
      return next;
    });
  return (
    <>
      <div className="test-filters" role="group" aria-label="Show tests">
        {FILTERS.filter((f) => f === 'all' || counts[f] > 0 || f === outcome).map((f) => (
          <button
            key={f}
            type="button"
            className="btn btn-small test-filter"
            data-testid={`tests-filter-${f}`}
            aria-pressed={outcome === f}
            onClick={() => setOutcome(f)}
          >
            {FILTER_LABELS[f]} {counts[f]}
          </button>
        ))}
        <input
          type="search"
          className="test-search"
          data-testid="tests-search"
          placeholder="Filter by name or message"
          aria-label="Filter tests by name or message"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {items.length === 0 && records.length > 0 ? <p className="panel-empty">No test matches this filter.</p> : null}
      <div className="test-scroll" ref={scroller} data-testid="test-list">
        <div className="test-rows" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((v) => {
            const item = items[v.index];
            if (!item) return null;
            return (
              <div
                key={v.key}
                data-index={v.index}
                ref={virtual.measureElement}
                className="test-item"
                style={{ transform: `translateY(${v.start}px)` }}
              >
                {item.kind === 'file' ? <FileHeader item={item} onToggle={() => toggle(item.file)} /> : <TestRow record={item.record} />}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
