/**
 * Structured, offline suggestions for a failed run: the seed's `handle_error`.
 * Pure: it reads the result (message, traceback, status, metrics) and, when the
 * engine could ask the interpreter, the names and values around the error ({@link ErrorScope}).
 */
import type { ErrorScope } from '../protocol/errorScope.ts';
import type { ExecutionResult, ImportReport } from '../protocol/results.ts';
import { syntaxSuggestions, syntaxSummary, typeErrorSuggestions, type Suggestion } from './errorSuggestions.ts';

export type { Suggestion } from './errorSuggestions.ts';

export type { ErrorScope } from '../protocol/errorScope.ts';

/** Something the UI or an agent can do about the error. */
export type ErrorAction =
  { kind: 'install'; label: string; packages: string[] } | { kind: 'limit'; label: string; limit: 'timeout' | 'memory' | 'output' };

/** The limits the failed run had, to say which one was hit. */
export interface RunLimits {
  timeoutMs?: number;
  maxMemoryMB?: number;
  maxOutputChars?: number;
}

/** Extra facts {@link adviseOnError} can use. */
export interface AdviceContext {
  scope?: ErrorScope | null;
  limits?: RunLimits;
  /** For ModuleNotFoundError: the dependency analysis of the missing module. */
  module?: ImportReport | null;
  /** For ModuleNotFoundError: false when the safety policy does not allow the module. */
  moduleAllowed?: boolean | null;
}

/** The advice for one failed run. */
export interface ErrorAdvice {
  /** The error type, or the status ('timeout', 'memory', ...) when there is no Python error. */
  errorType: string;
  /** One sentence: what happened. */
  summary: string;
  /** The failing line, with a caret under the spot when Python gave one. */
  snippet: string | null;
  line: number | null;
  suggestions: Suggestion[];
  actions: ErrorAction[];
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The module a ModuleNotFoundError/ImportError names, if any. */
export function missingModule(message: string): string | null {
  const m = /No module named '([^']+)'/.exec(message);
  return m?.[1]?.split('.')[0] ?? null;
}

/** The code line and caret line from the end of a traceback (Python prints them under `File ..., line N`). */
export function failingSnippet(traceback: string): string | null {
  const lines = traceback.replace(/\n+$/, '').split('\n');
  let at = -1;
  lines.forEach((l, i) => {
    if (/^\s*File ".*", line \d+/.test(l)) at = i;
  });
  if (at < 0) return null;
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!/^\s/.test(l)) break; // the "TypeError: ..." line ends the frame
    out.push(l.replace(/^ {4}/, ''));
  }
  return out.length ? out.join('\n') : null;
}

/** CPython's own "Did you mean: 'x'?" from the traceback (computed over the scope, builtins and dir()). */
function pythonHint(traceback: string): string | null {
  return /Did you mean:? '?([^'?\n]+)'?\?/.exec(traceback)?.[1] ?? /Did you forget to import '([^']+)'/.exec(traceback)?.[1] ?? null;
}

function didYouMean(traceback: string, scope: ErrorScope | null | undefined): string[] {
  const hint = pythonHint(traceback);
  return [...new Set([...(hint ? [hint] : []), ...(scope?.closeMatches ?? [])])].slice(0, 3);
}

const quoteList = (items: string[]) => items.map((s) => `\`${s}\``).join(', ');

/**
 * Suggestions for a failed run, or null when the run succeeded.
 * Works offline; `context` makes them sharper (names in scope, limits, package index).
 */
export function adviseOnError(result: ExecutionResult, context: AdviceContext = {}): ErrorAdvice | null {
  if (result.status === 'ok') return null;
  const error = result.error;
  const limits = context.limits ?? {};
  const base = { snippet: error ? failingSnippet(error.traceback) : null, line: error?.line ?? null, actions: [] as ErrorAction[] };
  switch (result.status) {
    case 'timeout':
      return {
        ...base,
        errorType: 'timeout',
        summary: `The program was stopped after ${limits.timeoutMs ? seconds(limits.timeoutMs) : seconds(result.metrics.wallMs)}: it hit the time limit.`,
        suggestions: [
          {
            title: 'Look for a loop that never ends',
            detail: 'A `while` condition that never becomes false, or a recursion without a base case, runs until the limit.',
          },
          {
            title: 'Make the work smaller',
            detail:
              'Try a smaller input first; a quadratic algorithm (like bubble sort) on a large list can take far longer than expected.',
          },
          {
            title: 'Raise the timeout',
            detail: 'If the program just needs longer, raise Timeout under Limits (or pass `timeoutMs` to `engine.execute`).',
          },
        ],
        actions: [{ kind: 'limit', limit: 'timeout', label: 'Raise the timeout' }],
      };
    case 'memory':
      return {
        ...base,
        errorType: 'MemoryError',
        summary: `The program needed more memory than the limit${limits.maxMemoryMB ? ` of ${limits.maxMemoryMB} MB` : ''} (peak ${Math.round(result.metrics.peakMemoryMB)} MB).`,
        suggestions: [
          { title: 'Process data in pieces', detail: 'Use generators or iterate in chunks instead of building one huge list or string.' },
          { title: 'Raise the memory limit', detail: 'If the data really is that big, raise Memory under Limits (or pass `maxMemoryMB`).' },
        ],
        actions: [{ kind: 'limit', limit: 'memory', label: 'Raise the memory limit' }],
      };
    case 'stopped':
      return {
        ...base,
        errorType: 'stopped',
        summary: 'The run was stopped before it finished.',
        suggestions: [
          {
            title: 'Run it again',
            detail: result.stateKept ? 'Your variables were kept.' : 'The interpreter was replaced: run the earlier cells again first.',
          },
        ],
      };
    case 'crashed':
      return {
        ...base,
        errorType: 'crashed',
        summary: 'The interpreter itself failed and was replaced; variables from earlier runs are gone.',
        suggestions: [
          {
            title: 'Deep recursion or a native crash',
            detail: 'Very deep recursion can overflow the WebAssembly stack: use a loop, or limit the depth.',
          },
        ],
      };
    default:
      break;
  }
  if (!error) return { ...base, errorType: result.status, summary: `The run ended with status ${result.status}.`, suggestions: [] };
  const advice = adviseOnPythonError(error.type, error.message, error.traceback, context);
  if (result.metrics.truncated) {
    advice.suggestions.push({
      title: 'Output was cut off',
      detail: `The output passed the cap${limits.maxOutputChars ? ` of ${limits.maxOutputChars} characters` : ''}; raise Output under Limits to see it all.`,
    });
  }
  return { ...base, ...advice, errorType: error.type };
}

function adviseOnPythonError(
  type: string,
  message: string,
  traceback: string,
  context: AdviceContext,
): Pick<ErrorAdvice, 'summary' | 'suggestions' | 'actions'> {
  const scope = context.scope;
  const suggestions: Suggestion[] = [];
  const actions: ErrorAction[] = [];
  const matches = didYouMean(traceback, scope);
  switch (type) {
    case 'NameError':
    case 'UnboundLocalError': {
      const name = /name '([^']+)'/.exec(message)?.[1] ?? 'this name';
      if (matches.length)
        suggestions.push({
          title: `Did you mean ${quoteList(matches)}?`,
          detail: `\`${name}\` is not defined, but ${quoteList(matches)} is.`,
        });
      if (type === 'UnboundLocalError')
        suggestions.push({
          title: 'Assigned later in the function',
          detail: `\`${name}\` is assigned somewhere in this function, so Python treats it as local everywhere in it. Use \`global ${name}\` or pass it in as an argument.`,
        });
      suggestions.push({
        title: 'Define it before you use it',
        detail: `Python runs top to bottom: the line that defines \`${name}\` (or imports it) must run first. Variables persist between runs, so run the cell that defines it, or Restart Python if an old definition is in the way.`,
      });
      if (/^[a-z_]+$/.test(name))
        suggestions.push({
          title: 'A missing import or quotes?',
          detail: `If \`${name}\` is a module, add \`import ${name}\`; if you meant the text "${name}", put it in quotes.`,
        });
      return { summary: `\`${name}\` is not defined.`, suggestions, actions };
    }
    case 'ModuleNotFoundError':
    case 'ImportError': {
      const mod = missingModule(message);
      const report = context.module;
      // The run already tried to load it (auto-load) and the download failed: a button would fail the same way.
      const unreachable = /could not be downloaded|not available offline/.test(message);
      if (mod && report?.verdict === 'available' && report.package && unreachable) {
        suggestions.push({
          title: `${report.package} is not available offline`,
          detail: `\`${mod}\` comes from the package ${report.package}, which is on the package CDN, and the CDN could not be reached. Connect to the internet and run again, or use only the standard library and the self-hosted packages (pytest, coverage).`,
        });
      } else if (mod && report?.verdict === 'available' && report.package) {
        suggestions.push({
          title: `Install ${report.package}`,
          detail: `\`${mod}\` comes from the package ${report.package}, which is in Executor's package index (${report.source === 'self-hosted' ? 'served by this server' : 'from the package CDN, online'}).`,
        });
        actions.push({ kind: 'install', label: `Install ${report.package}`, packages: [report.package] });
      } else if (mod && report?.verdict === 'unknown') {
        suggestions.push({
          title: 'Not in the package index',
          detail: `\`${mod}\` is neither in the standard library nor in Executor's package index, so it cannot be installed here. Check the spelling, or use a pure-Python alternative.`,
        });
      } else if (mod) {
        suggestions.push({
          title: 'Check the name',
          detail: `No module \`${mod}\` could be imported. Check the spelling (module names are case-sensitive), and whether it is your own file that is missing.`,
        });
      }
      if (context.moduleAllowed === false && mod)
        suggestions.push({
          title: 'Not allowed by the safety policy',
          detail: `\`${mod}\` is not on the allowed-modules list of safe mode.`,
        });
      if (type === 'ImportError' && /cannot import name '([^']+)'/.test(message)) {
        const name = /cannot import name '([^']+)'/.exec(message)?.[1];
        suggestions.push({
          title: `\`${name}\` is not in that module`,
          detail: matches.length ? `Did you mean ${quoteList(matches)}?` : 'Check the spelling and the version of the package.',
        });
      }
      return { summary: mod ? `The module \`${mod}\` could not be imported.` : message, suggestions, actions };
    }
    case 'AttributeError': {
      const m = /'([^']+)' object has no attribute '([^']+)'/.exec(message) ?? /module '([^']+)' has no attribute '([^']+)'/.exec(message);
      const owner = m?.[1] ?? 'the object';
      const attr = m?.[2] ?? 'that attribute';
      if (matches.length)
        suggestions.push({
          title: `Did you mean ${quoteList(matches.map((x) => `.${x}`))}?`,
          detail: `\`${owner}\` has no \`.${attr}\`; the closest names in its \`dir()\` are ${quoteList(matches)}.`,
        });
      if (owner === 'NoneType')
        suggestions.push({
          title: 'The value is None',
          detail:
            'A function that does not `return` anything (or a method like `list.sort()` that works in place) gives None. Check what you assigned.',
        });
      else
        suggestions.push({
          title: 'Check the type',
          detail: `Use \`print(type(x))\` and \`dir(x)\` to see what the object is and which attributes it has.`,
        });
      return { summary: `\`${owner}\` has no attribute \`${attr}\`.`, suggestions, actions };
    }
    case 'TypeError':
      return { summary: message, suggestions: typeErrorSuggestions(message), actions };
    case 'KeyError': {
      const key = message || 'the key';
      for (const k of scope?.keys ?? []) {
        const more = k.total > k.keys.length ? ` (and ${k.total - k.keys.length} more)` : '';
        suggestions.push({
          title: `Keys of \`${k.name}\``,
          detail: k.keys.length ? `Available keys: ${k.keys.join(', ')}${more}.` : `\`${k.name}\` is empty.`,
        });
      }
      if (matches.length)
        suggestions.push({ title: `Did you mean ${quoteList(matches)}?`, detail: 'A key with a similar spelling exists.' });
      suggestions.push({
        title: 'Use .get() or check first',
        detail: `\`d.get(${key}, default)\` returns a default instead of failing; \`if ${key} in d:\` checks first.`,
      });
      return { summary: `The key ${key} is not in the dictionary.`, suggestions, actions };
    }
    case 'IndexError': {
      for (const l of scope?.lengths ?? []) {
        suggestions.push({
          title: `\`${l.name}\` has ${l.length} item${l.length === 1 ? '' : 's'}`,
          detail: l.length
            ? `Valid indexes are 0 to ${l.length - 1} (or -1 to -${l.length}).`
            : `\`${l.name}\` is empty: there is nothing to index.`,
        });
      }
      suggestions.push({
        title: 'Off by one?',
        detail: 'Indexes start at 0, so the last item of a list of length n is at n - 1. `range(len(xs))` gives exactly the valid indexes.',
      });
      return { summary: message ? `${message[0]?.toUpperCase()}${message.slice(1)}.` : 'Index out of range.', suggestions, actions };
    }
    case 'ZeroDivisionError':
      suggestions.push({
        title: 'Check the divisor first',
        detail:
          'Guard the division: `if d != 0:` (or `if d:`), or catch `ZeroDivisionError` where a zero is expected, for example an average of an empty list.',
      });
      return { summary: 'A number was divided by zero.', suggestions, actions };
    case 'SyntaxError':
    case 'IndentationError':
    case 'TabError':
      return { summary: syntaxSummary(type, message), suggestions: syntaxSuggestions(type, message), actions };
    case 'RecursionError':
      suggestions.push({
        title: 'Check the base case',
        detail:
          'A recursive function needs a case that returns without calling itself, and every call must move toward it (e.g. `if n <= 1: return n`).',
      });
      suggestions.push({
        title: 'Use a loop for deep work',
        detail:
          'Python limits recursion depth (`sys.getrecursionlimit()`); an iterative version or `functools.lru_cache` for repeated calls avoids it.',
      });
      return { summary: 'The function called itself too many times (maximum recursion depth exceeded).', suggestions, actions };
    case 'MemoryError':
      suggestions.push({ title: 'Use less memory', detail: 'Build data lazily (generators) or in chunks; or raise Memory under Limits.' });
      return {
        summary: 'The program ran out of memory.',
        suggestions,
        actions: [{ kind: 'limit', limit: 'memory', label: 'Raise the memory limit' }],
      };
    case 'KeyboardInterrupt':
      return { summary: 'The program was interrupted.', suggestions, actions };
    case 'ValueError':
      suggestions.push({
        title: 'Check the value',
        detail: /invalid literal for int/.test(message)
          ? 'The text is not a whole number: strip spaces, or use `float()` for decimals, and check with `.isdigit()` first.'
          : 'The type is right but the value is not accepted: print it just before the failing line.',
      });
      return { summary: message, suggestions, actions };
    default:
      if (matches.length) suggestions.push({ title: `Did you mean ${quoteList(matches)}?`, detail: 'Python suggests a similar name.' });
      suggestions.push({
        title: 'Read the last line of the traceback',
        detail: 'It names the error and the line in your code where it happened; print the values used on that line.',
      });
      return { summary: message ? `${type}: ${message}` : type, suggestions, actions };
  }
}
