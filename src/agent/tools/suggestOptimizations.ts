import type { ProfileFunction, ProfileReport } from '../../runs/parseProfile.ts';

/** Calls of one function from which a repeated built-in is worth a note. */
const MANY_CALLS = 10_000;

/** A `for` loop with another `for` loop in its body. */
const NESTED_FOR = /\n([ \t]*)for .*:\s*\n(?:\1[ \t]+.*\n|[ \t]*\n)*?\1[ \t]+for /;

/** True when the code has a loop inside a loop. */
export function hasNestedLoops(code: string): boolean {
  return NESTED_FOR.test(`\n${code}\n`);
}

/** The program's own functions (not built-ins, not the library), heaviest own time first. */
export function ownFunctions(profile: ProfileReport, isOwnFile: (file: string) => boolean): ProfileFunction[] {
  return profile.topFunctions.filter((f) => f.file !== '~' && isOwnFile(f.file));
}

/**
 * Suggestions from a profile and the code it measured, most useful first: where the time goes,
 * repeated recursion (memoize), nested loops (O(n²)), built-ins called very often, string building.
 * Plain rules, no model: the same for both assistants.
 */
export function suggestOptimizations(profile: ProfileReport, code: string, isOwnFile: (file: string) => boolean): string[] {
  const out: string[] = [];
  const own = ownFunctions(profile, isOwnFile);
  const functions = own.filter((f) => f.name !== '<module>');
  const hottest = functions[0];
  if (profile.totalMs < 1) {
    out.push(
      `The whole program took ${profile.totalMs.toFixed(2)} ms: there is little to gain here. Profile it with a bigger input to see where the time would go.`,
    );
  }
  if (hottest && hottest.percent >= 40) {
    out.push(
      `Most of the time is in \`${hottest.name}\` (line ${hottest.line}, ${hottest.percent.toFixed(0)}% of the total in the function itself): optimize it first; the rest matters little.`,
    );
  } else if (hottest) {
    out.push(
      `The time is spread out; the heaviest function is \`${hottest.name}\` (line ${hottest.line}, ${hottest.percent.toFixed(0)}% own time).`,
    );
  } else if (own.some((f) => f.name === '<module>' && f.percent >= 40)) {
    out.push(
      "Most of the time is in the module's top-level code: moving the hot loop into a function makes it faster (local variables are faster than globals).",
    );
  }
  for (const f of functions) {
    if (f.calls > f.primitiveCalls && f.calls >= 100) {
      out.push(
        `\`${f.name}\` is called ${f.calls.toLocaleString('en-US')} times recursively for ${f.primitiveCalls} outside call${f.primitiveCalls === 1 ? '' : 's'}: if it recomputes the same arguments, cache them with \`@functools.cache\` or write it as a loop.`,
      );
    }
  }
  if (hasNestedLoops(code)) {
    const sorting = /sort/i.test(code);
    out.push(
      `The code has nested loops over the data (O(n²)).${sorting ? ' For sorting, `sorted()` / `list.sort()` (Timsort, O(n log n), in C) is far faster than bubble sort.' : ''} A dict or set lookup often replaces an inner loop.`,
    );
  }
  for (const f of profile.topFunctions) {
    if (f.file !== '~' || f.calls < MANY_CALLS) continue;
    if (/method 'append' of 'list'/.test(f.name))
      out.push(
        `\`list.append\` is called ${f.calls.toLocaleString('en-US')} times: a list comprehension builds a list faster than appending in a loop.`,
      );
    else if (/builtins\.len\b/.test(f.name))
      out.push(`\`len()\` is called ${f.calls.toLocaleString('en-US')} times: compute it once before the loop.`);
    else if (f.percent >= 20)
      out.push(
        `The built-in \`${f.name}\` is called ${f.calls.toLocaleString('en-US')} times (${f.percent.toFixed(0)}% of the time): call it less often, or on more data at once.`,
      );
  }
  if (/^\s*\w+\s*\+=\s*(?:f?["']|str\()/m.test(code) && /^\s*(for|while)\b/m.test(code)) {
    out.push("Strings built with `+=` in a loop are copied each time: collect the pieces in a list and `''.join()` them.");
  }
  if (out.length === 0) out.push('No obvious hot spot: the time is spread over many small functions.');
  return out;
}
