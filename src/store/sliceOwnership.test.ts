import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Each slice writes only its own keys (the ones its creator returns). This reads every create*Slice.ts with
 * TypeScript's parser: the keys of every object a slice passes to `set` (or returns from a `set` updater) must
 * be keys of the object the slice creator returns. A flow that changes several slices calls their actions.
 */
const here = import.meta.dirname;
const sliceFiles = readdirSync(here).filter((f) => /^create\w+Slice\.ts$/.test(f));

function objectKeys(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isParenthesizedExpression(node)) return objectKeys(node.expression);
  // `set(CLEARED)`: the keys of the object the constant holds.
  if (ts.isIdentifier(node)) {
    const found: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && n.name.getText() === node.text && n.initializer) found.push(...objectKeys(n.initializer));
      else ts.forEachChild(n, visit);
    };
    visit(node.getSourceFile());
    return found;
  }
  if (!ts.isObjectLiteralExpression(node)) return [];
  return node.properties.flatMap((p) => {
    // `...loadPrefs(storage)`: the keys that function of the same file returns.
    if (ts.isSpreadAssignment(p) && ts.isCallExpression(p.expression) && ts.isIdentifier(p.expression.expression)) {
      const callee = p.expression.expression.text;
      const decl = p
        .getSourceFile()
        .statements.find((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && st.name?.text === callee);
      return decl?.body ? blockReturnKeys(decl.body) : [];
    }
    return p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [];
  });
}

/** Keys of the object literals `fn` returns (an arrow's body, or its return statements). */
function returnedKeys(fn: ts.ArrowFunction | ts.FunctionExpression): string[] {
  return ts.isBlock(fn.body) ? blockReturnKeys(fn.body) : objectKeys(fn.body);
}

/** Keys of the object literals a function body returns (not counting nested functions). */
function blockReturnKeys(body: ts.Block): string[] {
  const keys: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n)) keys.push(...objectKeys(n.expression));
    else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return keys;
}

function analyse(file: string): { owned: Set<string>; written: Map<string, number> } {
  const source = ts.createSourceFile(file, readFileSync(join(here, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const owned = new Set<string>();
  const written = new Map<string, number>();
  const visit = (n: ts.Node): void => {
    // The slice's own keys: the object the innermost `(set, get) => { ... return { ... } }` returns.
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.parameters[0]?.name.getText() === 'set') {
      returnedKeys(n).forEach((k) => owned.add(k));
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'set') {
      const arg = n.arguments[0];
      const keys = arg && (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) ? returnedKeys(arg) : objectKeys(arg);
      const line = source.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      keys.forEach((k) => written.set(k, line));
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return { owned, written };
}

describe('slices own their keys', () => {
  it('finds the slices', () => {
    expect(sliceFiles.length).toBeGreaterThan(10);
  });

  for (const file of sliceFiles) {
    it(`${file} writes only its own keys`, () => {
      const { owned, written } = analyse(file);
      expect(owned.size).toBeGreaterThan(0);
      const foreign = [...written].filter(([key]) => !owned.has(key)).map(([key, line]) => `${key} (line ${line})`);
      expect(foreign).toEqual([]);
    });
  }
});
