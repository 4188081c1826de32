import type { PanelTab } from '../../store/layoutTypes.ts';
import type { AppState } from '../../store/types.ts';
import { displayPercent } from '../../format/displayPercent.ts';

/** A tab's badge: a count or a status, with a tone for its colour. */
export interface TabBadge {
  text: string;
  tone: 'error' | 'warn' | 'ok' | 'muted';
  /** Read to screen readers after the tab's label. */
  label: string;
}

/** The label of each panel tab. */
export const PANEL_LABELS: Record<PanelTab, string> = {
  console: 'Console',
  variables: 'Variables',
  debug: 'Debug',
  tests: 'Tests',
  coverage: 'Coverage',
  profile: 'Profile',
  batch: 'Run all',
  history: 'History',
  packages: 'Packages',
  problems: 'Problems',
};

/** What each tab's badge says now (null: no badge). */
export function panelBadge(tab: PanelTab, s: AppState): TabBadge | null {
  switch (tab) {
    case 'console': {
      const r = s.lastResult;
      if (!r || r.status === 'ok') return null;
      return { text: r.status, tone: 'error', label: `last run: ${r.status}` };
    }
    case 'tests': {
      const r = s.testResult;
      if (!r) return null;
      const bad = r.failed + r.errors;
      if (bad > 0) return { text: String(bad), tone: 'error', label: `${bad} failed` };
      if (r.status !== 'passed') return { text: '!', tone: 'warn', label: r.status };
      return { text: String(r.passed), tone: 'ok', label: `${r.passed} passed` };
    }
    case 'coverage': {
      const c = s.testResult?.coverage;
      if (!c) return null;
      const pc = `${displayPercent(c.totalPercent)}%`;
      return { text: pc, tone: s.testResult?.thresholdMet ? 'ok' : 'warn', label: `${pc} covered` };
    }
    case 'variables': {
      const n = s.variableTree['']?.total ?? 0;
      return n && s.variablesVersion === s.namespaceVersion ? { text: String(n), tone: 'muted', label: `${n} names` } : null;
    }
    case 'problems': {
      const report = s.validatedCode === s.code ? s.validation : null;
      const n = report?.diagnostics.length ?? 0;
      if (n === 0) return null;
      const errors = report?.diagnostics.some((d) => d.severity === 'error');
      return { text: String(n), tone: errors ? 'error' : 'warn', label: `${n} problem${n === 1 ? '' : 's'}` };
    }
    case 'debug':
      if (s.debugPause) return { text: 'paused', tone: 'warn', label: 'the program is paused' };
      return s.breakpoints.length
        ? { text: String(s.breakpoints.length), tone: 'muted', label: `${s.breakpoints.length} breakpoints` }
        : null;
    case 'history':
      return s.history.length ? { text: String(s.history.length), tone: 'muted', label: `${s.history.length} runs` } : null;
    case 'batch': {
      const b = s.batchResult;
      if (!b) return null;
      return {
        text: `${b.summary.succeeded}/${b.summary.total}`,
        tone: b.summary.failed ? 'error' : 'ok',
        label: `${b.summary.succeeded} of ${b.summary.total} succeeded`,
      };
    }
    case 'profile':
      return s.profile
        ? { text: `${s.profile.totalMs.toFixed(0)} ms`, tone: 'muted', label: `${s.profile.totalMs.toFixed(0)} ms profiled` }
        : null;
    case 'packages': {
      const needed = s.dependencies?.filter((d) => d.verdict === 'available').length ?? 0;
      return needed ? { text: String(needed), tone: 'warn', label: `${needed} to load` } : null;
    }
  }
}
