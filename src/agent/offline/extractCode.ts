/** A message split into its code (fenced or indented block) and the prose around it. */
export interface ExtractedCode {
  /** The first Python code block, or null. */
  code: string | null;
  /** The message without its code blocks (what the user asked). */
  prose: string;
}

const FENCE = /(^|\n)[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)\n[ \t]*\2[ \t]*(?=\n|$)/g;
const PYTHON_LANGS = new Set(['', 'python', 'py', 'python3', 'pycon']);

function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Finds the code in a chat message: a ```python fence (or an unlabeled one), else a block indented by 4 spaces or a tab. */
export function extractCode(message: string): ExtractedCode {
  const text = message.replace(/\r\n?/g, '\n');
  let code: string | null = null;
  const prose = text.replace(FENCE, (_all, lead: string, _fence: string, lang: string, body: string) => {
    if (code === null && PYTHON_LANGS.has(lang.toLowerCase())) code = body;
    return `${lead}\n`;
  });
  if (code !== null) return { code, prose: prose.trim() };
  // An indented block: lines indented by 4+ spaces or a tab, after a blank line or the start.
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const starts = /^( {4}|\t)\S/.test(lines[i] ?? '') && (i === 0 || (lines[i - 1] ?? '').trim() === '');
    if (!starts) continue;
    let end = i;
    while (
      end + 1 < lines.length &&
      (/^( {4}|\t)/.test(lines[end + 1] ?? '') || ((lines[end + 1] ?? '').trim() === '' && /^( {4}|\t)/.test(lines[end + 2] ?? '')))
    )
      end += 1;
    const block = lines.slice(i, end + 1);
    return { code: dedent(block), prose: [...lines.slice(0, i), ...lines.slice(end + 1)].join('\n').trim() };
  }
  // Bare code after a line that ends in a colon ("Execute and validate this code:\n{code}", as other agents send it).
  const colon = /^([^\n]*:)[ \t]*\n([\s\S]+)$/.exec(text);
  const rest = colon?.[2] ?? '';
  if (colon && /^(?:def |class |import |from \S+ import |@\w|print\(|assert |for |while |if |[A-Za-z_]\w* ?=[^=])/m.test(rest)) {
    return { code: rest.replace(/\s+$/, ''), prose: (colon[1] ?? '').trim() };
  }
  return { code: null, prose: text.trim() };
}
