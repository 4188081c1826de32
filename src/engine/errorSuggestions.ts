/** One suggestion: what is wrong and what to try. */
export interface Suggestion {
  title: string;
  detail: string;
}

/** What a TypeError's message says went wrong, and what to try. */
export function typeErrorSuggestions(message: string): Suggestion[] {
  const out: Suggestion[] = [];
  let m: RegExpExecArray | null;
  if ((m = /^(\S+)\(\) takes (\d+) positional arguments? but (\d+) (?:was|were) given/.exec(message))) {
    const [, fn, takes, given] = m;
    out.push({
      title: 'Wrong number of arguments',
      detail: `\`${fn}\` accepts ${takes} positional argument${takes === '1' ? '' : 's'} but was called with ${given}.${/\./.test(fn ?? '') ? ' For a method, `self` counts as one: did you forget `self` in the definition?' : ''}`,
    });
  } else if ((m = /^(\S+)\(\) missing (\d+) required (?:positional|keyword-only) arguments?: (.+)$/.exec(message))) {
    out.push({
      title: 'Missing argument',
      detail: `\`${m[1]}\` needs ${m[3]} too; pass ${m[2] === '1' ? 'it' : 'them'} in the call, or give the parameter a default value.`,
    });
  } else if ((m = /^(\S+)\(\) got an unexpected keyword argument '([^']+)'/.exec(message))) {
    out.push({
      title: 'Unknown keyword argument',
      detail: `\`${m[1]}\` has no parameter named \`${m[2]}\`: check the spelling against its definition (\`help(${m[1]?.replace(/\(\)$/, '')})\`).`,
    });
  } else if ((m = /unsupported operand type\(s\) for (.+): '([^']+)' and '([^']+)'/.exec(message))) {
    out.push({
      title: 'Mixed types in an operation',
      detail: `\`${m[1]}\` does not work between ${m[2]} and ${m[3]}. Convert one side first, e.g. \`int(x)\`, \`float(x)\` or \`str(x)\`.`,
    });
  } else if ((m = /can only concatenate (\w+) \(not "(\w+)"\) to (\w+)/.exec(message))) {
    out.push({
      title: `Cannot add ${m[2]} to ${m[1]}`,
      detail: `Convert it first (\`str(value)\`), or use an f-string: \`f"total: {value}"\`.`,
    });
  } else if ((m = /'([^']+)' object is not (callable|subscriptable|iterable)/.exec(message))) {
    const what = { callable: 'called like a function', subscriptable: 'indexed with [ ]', iterable: 'looped over' }[m[2] as 'callable'];
    out.push({
      title: `A ${m[1]} cannot be ${what}`,
      detail:
        m[1] === 'NoneType'
          ? 'The value is None: a function without `return` gives None.'
          : m[2] === 'callable'
            ? 'A variable may be shadowing a function of the same name (e.g. `list = [...]` then `list(...)`).'
            : `Check the value's type with \`type(x)\`.`,
    });
  } else {
    out.push({
      title: 'Check the types of the values',
      detail: 'Print `type(x)` of each value on the failing line; the message names the operation that did not accept them.',
    });
  }
  return out;
}

/** One sentence for a SyntaxError or IndentationError. */
export function syntaxSummary(type: string, message: string): string {
  const text = message.replace(/\s*\([^()]*, line \d+\)$/, '');
  return `${type === 'SyntaxError' ? 'Python could not parse the code' : 'The indentation is wrong'}: ${text}.`;
}

/** What to try for a SyntaxError or IndentationError, from its message. */
export function syntaxSuggestions(type: string, message: string): Suggestion[] {
  const out: Suggestion[] = [];
  if (type !== 'SyntaxError') {
    out.push({
      title: 'Indent blocks consistently',
      detail:
        'Every line of a block (after `def`, `if`, `for`, `while`, `class`, `with`, `try`) needs the same indentation, usually 4 spaces; do not mix tabs and spaces.',
    });
    if (/expected an indented block/.test(message))
      out.push({
        title: 'A block is empty',
        detail: 'After a line ending in `:` there must be at least one indented line; use `pass` as a placeholder.',
      });
    return out;
  }
  if (/expected ':'/.test(message))
    out.push({
      title: 'Missing colon',
      detail: '`def`, `if`, `elif`, `else`, `for`, `while`, `class`, `try` and `with` lines end with `:`.',
    });
  if (/was never closed|unmatched|does not match opening/.test(message))
    out.push({
      title: 'Unbalanced brackets',
      detail: 'Count `(`, `[` and `{` against their closing partners; the error often shows on the line after the real mistake.',
    });
  if (/unterminated (triple-quoted )?string/.test(message))
    out.push({ title: 'Unclosed string', detail: 'A quote was opened but not closed on that line.' });
  if (/Missing parentheses in call to 'print'/.test(message))
    out.push({ title: 'Python 3 print', detail: '`print` is a function: `print("hello")`.' });
  if (/invalid syntax\. Maybe you meant '==' or ':='/.test(message) || /cannot assign to/.test(message))
    out.push({ title: 'Comparison or assignment?', detail: 'Use `==` to compare and `=` only to assign.' });
  out.push({
    title: 'Usual causes',
    detail:
      'A missing `:` or closing bracket on the line above, an unclosed quote, a keyword used as a name, or code pasted with stray characters. The caret points where Python noticed the problem.',
  });
  return out;
}
