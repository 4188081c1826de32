import { describe, expect, it } from 'vitest';
import { frameHeaders, pageHeaders } from './securityHeaders.ts';
import { packageCdn, pypiIndex, sandboxPackageSources } from './packageLock.ts';

describe('package sources of a deployment', () => {
  it('reads EXECUTOR_PYPI_URL: PyPI by default, another index, off, or a clear error', () => {
    expect(pypiIndex({})).toEqual({ index: 'pypi', hosts: ['https://pypi.org', 'https://files.pythonhosted.org'] });
    expect(pypiIndex({ EXECUTOR_PYPI_URL: 'https://mirror.example.com/pypi/simple/' })).toEqual({
      index: 'https://mirror.example.com/pypi/simple/',
      hosts: ['https://mirror.example.com'],
    });
    expect(pypiIndex({ EXECUTOR_PYPI_URL: 'off' })).toBeNull();
    expect(() => pypiIndex({ EXECUTOR_PYPI_URL: 'not a url' })).toThrow(/EXECUTOR_PYPI_URL must be an http\(s\) URL .*got "not a url"/);
    expect(() => pypiIndex({ EXECUTOR_PYPI_URL: 'ftp://x.example/' })).toThrow(/EXECUTOR_PYPI_URL must be an http\(s\) URL/);
  });

  it("opens the page's connect-src to the CDN and the PyPI hosts, and the frame's to nothing, whatever is configured", async () => {
    const sources = sandboxPackageSources(packageCdn({}), pypiIndex({}));
    const connectOf = (csp = '') => /connect-src ([^;]*)/.exec(csp)?.[1] ?? '';
    const connect = connectOf(pageHeaders({ packageSources: sources })['Content-Security-Policy']);
    expect(connect).toContain("'self'");
    expect(connect).toContain('https://cdn.jsdelivr.net/pyodide/v314.0.7/full/');
    expect(connect).toContain('https://pypi.org');
    expect(connect).toContain('https://files.pythonhosted.org');
    expect(connectOf(frameHeaders('http://127.0.0.1:8080')['Content-Security-Policy'])).toBe("'none'");
    expect(sandboxPackageSources(packageCdn({ EXECUTOR_PACKAGE_CDN: 'off' }), pypiIndex({ EXECUTOR_PYPI_URL: 'off' }))).toEqual([]);
  });
});
