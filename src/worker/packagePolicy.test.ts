import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';
import { checkPackagePolicy } from './packagePolicy.ts';

const lock = {
  numpy: { name: 'numpy', imports: ['numpy'] },
  'scikit-learn': { name: 'scikit-learn', imports: ['sklearn'] },
  scipy: { name: 'scipy', imports: ['scipy'] },
  pytest: { name: 'pytest', imports: ['pytest', '_pytest', 'py'] },
  matplotlib: { name: 'matplotlib', imports: ['matplotlib', 'pylab', 'mpl_toolkits'] },
};

describe('checkPackagePolicy', () => {
  it('refuses packages outside the allowlist with a reason, before anything loads', () => {
    const { allowed, refused } = checkPackagePolicy(
      ['numpy', 'scikit-learn', 'scipy', 'pytest', 'https://x.test/evil-1.0-py3-none-any.whl'],
      lock,
      DEFAULT_RUN_POLICY,
    );
    expect(allowed).toEqual(['numpy', 'scikit-learn', 'pytest']);
    expect(refused.map((r) => r.name)).toEqual(['scipy', 'https://x.test/evil-1.0-py3-none-any.whl']);
    expect(refused[0]?.reason).toBe(
      'scipy is not allowed in safe mode: scipy is not in ALLOWED_MODULES, so nothing was downloaded. Add it to the allowed modules in Settings, or turn off safe mode.',
    );
  });

  it('allows a package when a module it provides is allowed: matplotlib installs though pylab is not on the list', () => {
    const policy = { ...DEFAULT_RUN_POLICY, allowedModules: ['matplotlib'] };
    expect(checkPackagePolicy(['matplotlib'], lock, policy)).toEqual({ allowed: ['matplotlib'], refused: [] });
    expect(checkPackagePolicy(['matplotlib'], lock, { ...policy, allowedModules: ['numpy'] }).refused[0]?.reason).toContain(
      'matplotlib, pylab, mpl_toolkits are not in ALLOWED_MODULES',
    );
  });

  it("checks a pinned name (a session's PyPI package) by its name", () => {
    const policy = { ...DEFAULT_RUN_POLICY, allowedModules: ['humanize'] };
    expect(checkPackagePolicy(['humanize==4.9.0'], lock, policy)).toEqual({ allowed: ['humanize==4.9.0'], refused: [] });
    expect(checkPackagePolicy(['rich>=13'], lock, policy).refused[0]?.reason).toContain('rich is not in ALLOWED_MODULES');
  });

  it('allows everything with safe mode off', () => {
    expect(checkPackagePolicy(['scipy'], lock, { ...DEFAULT_RUN_POLICY, sandboxMode: false })).toEqual({ allowed: ['scipy'], refused: [] });
  });
});
