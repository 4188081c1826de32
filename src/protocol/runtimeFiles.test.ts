import { describe, expect, it } from 'vitest';
import { assetUrlProblem } from './runtimeFiles.ts';

const origin = 'http://127.0.0.1:8080';

describe('assetUrlProblem', () => {
  it("allows plain files under Pyodide's and the package folder on the app's origin", () => {
    expect(assetUrlProblem(`${origin}/packages/pytest-8.3.5-py3-none-any.whl`, origin)).toBeNull();
    expect(assetUrlProblem(`${origin}/pyodide/v314.0.7/python_stdlib.zip`, origin)).toBeNull();
  });

  it('refuses other origins, other folders, dot segments, encoded separators, queries and non-URLs, saying why', () => {
    // Other origins (a CDN, PyPI) are fetched by the page without credentials; its CSP decides which hosts.
    expect(assetUrlProblem('https://cdn.example/full/x.whl', origin)).toBeNull();
    expect(assetUrlProblem('data:text/plain,x', origin)).toMatch(/only http\(s\) URLs/);
    expect(assetUrlProblem('blob:https://x/1', origin)).toMatch(/only http\(s\) URLs/);
    expect(assetUrlProblem(`${origin}/api/chat`, origin)).toMatch(/only files under \/pyodide\/v314\.0\.7\/ and \/packages\//);
    expect(assetUrlProblem(`${origin}/packages/%2e%2e/api/chat`, origin)).toMatch(/encoded/);
    expect(assetUrlProblem(`${origin}/packages/..%2fapi`, origin)).toMatch(/encoded/);
    expect(assetUrlProblem(`${origin}/packages/x.whl?session=1`, origin)).toMatch(/query/);
    expect(assetUrlProblem(`${origin}/packages/x.whl#a`, origin)).toMatch(/fragment/);
    expect(assetUrlProblem('not a url', origin)).toBe('not a URL');
    // Checked as sent, before a URL parser would resolve the dots away.
    expect(assetUrlProblem(`${origin}/packages/../index.html`, origin)).toMatch(/dot segments/);
  });
});
