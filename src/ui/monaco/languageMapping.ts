import type { LanguageValue } from '../../protocol/language.ts';

type Items = Extract<LanguageValue, { kind: 'complete' }>['items'];
type Signatures = Extract<LanguageValue, { kind: 'signatures' }>['signatures'];
type Hover = Extract<LanguageValue, { kind: 'hover' }>['hover'];

/** Monaco's completion kinds the mapping uses (monaco.languages.CompletionItemKind's values). */
export interface CompletionKinds {
  Module: number;
  Class: number;
  Function: number;
  Variable: number;
  Keyword: number;
  Property: number;
  File: number;
  Field: number;
}

// Jedi's types that have a kind of their own; the rest (instance, statement, ...) are variables.
const KIND_OF_TYPE: Readonly<Record<string, keyof CompletionKinds>> = {
  module: 'Module',
  class: 'Class',
  function: 'Function',
  keyword: 'Keyword',
  property: 'Property',
  path: 'File',
  param: 'Field',
};

/** Monaco's completion kind for Jedi's type of a name. */
export function completionKind(jediType: string, kinds: CompletionKinds): number {
  return kinds[KIND_OF_TYPE[jediType] ?? 'Variable'];
}

/** A completion as Monaco takes it (without the range, which the provider adds). */
export interface CompletionSuggestion {
  label: string;
  kind: number;
  detail: string;
  insertText: string;
  /** Keyword arguments (`name=`) first, then public names, then private ones, then dunder names. */
  sortText: string;
}

/** Jedi's completions as Monaco suggestions, in the order people expect. */
export function toSuggestions(items: Items, kinds: CompletionKinds): CompletionSuggestion[] {
  const rank = (label: string) => (label.endsWith('=') ? 0 : label.startsWith('__') ? 3 : label.startsWith('_') ? 2 : 1);
  return items.map((item, i) => ({
    label: item.label,
    kind: completionKind(item.kind, kinds),
    detail: item.detail,
    insertText: item.insert,
    sortText: `${rank(item.label)}${String(i).padStart(4, '0')}`,
  }));
}

/** A hover's Markdown: the signature as Python code, then the docstring as text. */
export function hoverMarkdown(hover: Hover): string[] {
  if (!hover) return [];
  const parts = ['```python\n' + hover.title + '\n```'];
  if (hover.doc.trim()) parts.push(hover.doc.replace(/([\\`*_{}[\]<>#+!|])/g, '\\$1'));
  return parts;
}

/** Signature help as Monaco takes it: the signatures, the active one and its active parameter. */
export function toSignatureHelp(signatures: Signatures) {
  const active = Math.max(
    0,
    signatures.findIndex((s) => s.active >= 0),
  );
  return {
    signatures: signatures.map((s) => ({
      label: s.label,
      documentation: s.doc,
      parameters: s.params.map((p) => ({ label: p })),
    })),
    activeSignature: active,
    activeParameter: Math.max(0, signatures[active]?.active ?? 0),
  };
}
