import { describe, expect, it } from 'vitest';
import { ruffOptions } from './ruffOptions.ts';

const settings = { lintRules: ['E4', 'F'], lineLength: 100 };

describe('ruffOptions', () => {
  it('uses the settings when the project has no configuration', () => {
    expect(ruffOptions(settings, [{ path: 'main.py', content: '' }])).toEqual({
      options: { 'line-length': 100, lint: { select: ['E4', 'F'] } },
      source: null,
      problem: null,
    });
  });

  it("reads the project's ruff.toml", () => {
    const r = ruffOptions(settings, [{ path: 'ruff.toml', content: 'line-length = 20\n[lint]\nselect = ["E501"]\n' }]);
    expect(r).toEqual({ options: { 'line-length': 20, lint: { select: ['E501'] } }, source: 'ruff.toml', problem: null });
  });

  it('reads [tool.ruff] from pyproject.toml, and ignores a pyproject.toml without it', () => {
    const withRuff = '[project]\nname = "x"\n[tool.ruff]\nline-length = 60\n';
    expect(ruffOptions(settings, [{ path: 'pyproject.toml', content: withRuff }]).options).toEqual({ 'line-length': 60 });
    expect(ruffOptions(settings, [{ path: 'pyproject.toml', content: '[project]\nname = "x"\n' }]).source).toBeNull();
  });

  it('prefers .ruff.toml over ruff.toml over pyproject.toml, as Ruff does', () => {
    const files = [
      { path: 'pyproject.toml', content: '[tool.ruff]\nline-length = 1\n' },
      { path: 'ruff.toml', content: 'line-length = 2\n' },
      { path: '.ruff.toml', content: 'line-length = 3\n' },
    ];
    expect(ruffOptions(settings, files).source).toBe('.ruff.toml');
    expect(ruffOptions(settings, files.slice(0, 2)).source).toBe('ruff.toml');
  });

  it('falls back to the settings, saying why, when the file is not TOML', () => {
    const r = ruffOptions(settings, [{ path: 'ruff.toml', content: 'line-length = \n' }]);
    expect(r.options).toEqual({ 'line-length': 100, lint: { select: ['E4', 'F'] } });
    expect(r.problem).toMatch(/^ruff\.toml is not valid TOML \(.+\); using the editor settings instead\.$/);
  });

  it('only reads configuration at the root of the project', () => {
    expect(ruffOptions(settings, [{ path: 'pkg/ruff.toml', content: 'line-length = 5\n' }]).source).toBeNull();
  });
});
