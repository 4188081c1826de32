import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classicModuleFactory } from './classicModuleFactory.ts';

const asm = readFileSync(new URL('../../node_modules/pyodide/pyodide.asm.mjs', import.meta.url), 'utf8');

describe('classicModuleFactory', () => {
  it("turns the pinned Pyodide's module factory into a classic script that defines it", () => {
    const classic = classicModuleFactory(asm);
    expect(classic).not.toMatch(/\bimport\.meta\b/);
    expect(classic).not.toContain('export default');
    // A classic script with no top-level import/export parses as a function body does.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const define = new Function(`${classic}\nreturn _createPyodideModule;`) as () => unknown;
    expect(typeof define()).toBe('function');
  });

  it('refuses a file of another shape with a message', () => {
    expect(() => classicModuleFactory('export default function f() {}')).toThrow(/shape/);
    expect(() =>
      classicModuleFactory(
        `async function _createPyodideModule(){ return import.meta.resolve("x") }\nexport default _createPyodideModule;`,
      ),
    ).toThrow(/import\.meta/);
  });
});
