import { describe, expect, it } from 'vitest';
import { makeTestRecord, makeTestResult } from '../../src/testing/makeTestResult.ts';
import { junitNames, junitXml } from './junitXml.ts';

describe('junitNames', () => {
  it("names cases as pytest's junitxml does", () => {
    expect(junitNames('tests/test_calc.py::TestCalc::test_add[1-2]')).toEqual({
      classname: 'tests.test_calc.TestCalc',
      name: 'test_add[1-2]',
    });
    expect(junitNames('test_a.py::test_x')).toEqual({ classname: 'test_a', name: 'test_x' });
    expect(junitNames('tests/test_broken.py')).toEqual({ classname: '', name: 'tests.test_broken' });
  });
});

describe('junitXml', () => {
  it('counts and describes every outcome, escaped', () => {
    const result = makeTestResult({
      records: [
        makeTestRecord({ nodeId: 't.py::ok', stdout: 'said <hi>\n' }),
        makeTestRecord({ nodeId: 't.py::bad', outcome: 'failed', message: 'assert 1 == "2" & more', traceback: 'E assert 1 < 2\u0001' }),
        makeTestRecord({ nodeId: 't.py::err', outcome: 'error', message: 'fixture boom' }),
        makeTestRecord({ nodeId: 't.py::skip', outcome: 'skipped', message: 'no network' }),
        makeTestRecord({ nodeId: 't.py::xf', outcome: 'xfailed', message: 'known' }),
      ],
    });
    const xml = junitXml(result, new Date('2026-12-01T00:00:00Z'));
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites><testsuite name="pytest" errors="1" failures="1" skipped="2" tests="5" /,
    );
    expect(xml).toContain('timestamp="2026-12-01T00:00:00.000Z"');
    expect(xml).toContain('<failure message="assert 1 == &quot;2&quot; &amp; more">E assert 1 &lt; 2</failure>');
    expect(xml).toContain('<error message="fixture boom">fixture boom</error>');
    expect(xml).toContain('<skipped type="pytest.skip" message="no network">no network</skipped>');
    expect(xml).toContain('<skipped type="pytest.xfail" message="known" />');
    expect(xml).toContain('<system-out>said &lt;hi&gt;\n</system-out>');
    expect(xml).not.toContain('\u0001');
  });
});
