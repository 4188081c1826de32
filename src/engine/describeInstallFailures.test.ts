import { describe, expect, it } from 'vitest';
import { explainLoadFailure } from '../worker/packages.ts';
import { describeInstallFailures } from './describeInstallFailures.ts';

const cdn = (name: string) => ({
  name,
  reason: explainLoadFailure({ name, file_name: `https://cdn.example/${name}.whl` }, name, 'fetch failed'),
});

describe('describeInstallFailures', () => {
  it('says a shared reason once, naming every package it applies to', () => {
    const lines = describeInstallFailures([cdn('numpy'), cdn('pandas'), cdn('scipy')]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^numpy, pandas, scipy \(each\) could not be downloaded from the package CDN \(https:\/\/cdn\.example\): it is not available offline\./,
    );
    expect(lines[0]?.match(/not available offline/g)).toHaveLength(1);
  });

  it('keeps different reasons apart, and a lone failure reads as before', () => {
    const unknown = { name: 'nopkg', reason: explainLoadFailure(undefined, 'nopkg', '') };
    const lines = describeInstallFailures([cdn('numpy'), unknown]);
    expect(lines).toEqual([cdn('numpy').reason, unknown.reason]);
  });
});
