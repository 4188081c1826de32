import { describe, expect, it } from 'vitest';
import { completionKind, hoverMarkdown, toSignatureHelp, toSuggestions, type CompletionKinds } from './languageMapping.ts';

const kinds: CompletionKinds = { Module: 8, Class: 5, Function: 1, Variable: 4, Keyword: 17, Property: 9, File: 20, Field: 3 };

describe('language mapping', () => {
  it("maps Jedi's types to Monaco's kinds", () => {
    expect(completionKind('module', kinds)).toBe(8);
    expect(completionKind('function', kinds)).toBe(1);
    expect(completionKind('path', kinds)).toBe(20);
    expect(completionKind('instance', kinds)).toBe(4);
  });

  it('sorts keyword arguments first and private and dunder names last, keeping Jedi order within each', () => {
    const items = ['__init__', '_private', 'sqrt', 'key=', 'sin'].map((label) => ({ label, kind: 'function', detail: '', insert: label }));
    const sorted = toSuggestions(items, kinds)
      .sort((a, b) => a.sortText.localeCompare(b.sortText))
      .map((s) => s.label);
    expect(sorted).toEqual(['key=', 'sqrt', 'sin', '_private', '__init__']);
  });

  it('shows a hover as the signature in a Python block and the docstring escaped', () => {
    expect(hoverMarkdown({ title: 'sqrt(x, /) -> float', doc: 'Return the *square* root.' })).toEqual([
      '```python\nsqrt(x, /) -> float\n```',
      'Return the \\*square\\* root.',
    ]);
    expect(hoverMarkdown(null)).toEqual([]);
  });

  it('gives signature help with the active parameter', () => {
    const help = toSignatureHelp([{ label: 'add(a, b)', params: ['a', 'b'], active: 1, doc: 'Add.' }]);
    expect(help).toEqual({
      signatures: [{ label: 'add(a, b)', documentation: 'Add.', parameters: [{ label: 'a' }, { label: 'b' }] }],
      activeSignature: 0,
      activeParameter: 1,
    });
  });
});
