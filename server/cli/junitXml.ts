import type { TestRecord, TestResult } from '../../src/protocol/testProtocol.ts';

// XML 1.0 has no place for most control characters: pytest drops them too.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escape(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** pytest's junitxml names: `tests/test_calc.py::TestCalc::test_add[1]` → classname `tests.test_calc.TestCalc`, name `test_add[1]`. */
export function junitNames(nodeId: string): { classname: string; name: string } {
  const parts = nodeId.split('::');
  const module = (parts[0] ?? '').replace(/\.py$/, '').replace(/\//g, '.');
  if (parts.length === 1) return { classname: '', name: module };
  const name = parts[parts.length - 1] ?? '';
  return { classname: [module, ...parts.slice(1, -1)].join('.'), name };
}

function caseBody(r: TestRecord): string {
  const message = escape((r.message ?? '').split('\n')[0] ?? '');
  const detail = escape(r.traceback ?? r.message ?? '');
  switch (r.outcome) {
    case 'failed':
      return `<failure message="${message}">${detail}</failure>`;
    case 'error':
      return `<error message="${message}">${detail}</error>`;
    case 'skipped':
      return `<skipped type="pytest.skip" message="${message}">${escape(r.message ?? '')}</skipped>`;
    case 'xfailed':
      return `<skipped type="pytest.xfail" message="${message}" />`;
    default:
      return '';
  }
}

/** A JUnit XML report of a test run, in the shape pytest's `--junitxml` writes (xunit2). */
export function junitXml(result: TestResult, timestamp = new Date()): string {
  const count = (outcome: TestRecord['outcome']) => result.records.filter((r) => r.outcome === outcome).length;
  const cases = result.records.map((r) => {
    const { classname, name } = junitNames(r.nodeId);
    const out = r.stdout ? `<system-out>${escape(r.stdout)}</system-out>` : '';
    const err = r.stderr ? `<system-err>${escape(r.stderr)}</system-err>` : '';
    return `<testcase classname="${escape(classname)}" name="${escape(name)}" time="${(r.durationMs / 1000).toFixed(3)}">${caseBody(r)}${out}${err}</testcase>`;
  });
  const suite =
    `<testsuite name="pytest" errors="${count('error')}" failures="${count('failed')}" skipped="${count('skipped') + count('xfailed')}" ` +
    `tests="${result.records.length}" time="${(result.durationMs / 1000).toFixed(3)}" timestamp="${timestamp.toISOString()}" hostname="executor">`;
  return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites>${suite}${cases.join('')}</testsuite></testsuites>\n`;
}
