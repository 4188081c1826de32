import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import { DISPLAY_OVERHEAD_CHARS, MAX_DISPLAYS_PER_RUN, type RunOptions } from '../protocol/results.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runCode } from './runCode.ts';

let rt: PythonRuntime;
const interrupt = new Int32Array(new SharedArrayBuffer(4));

/** Runs code and records text output and displays in the order they were sent. */
async function run(code: string, options: Partial<RunOptions> = {}) {
  const events: string[] = [];
  const result = await runCode(
    rt,
    code,
    { ...DEFAULT_RUN_OPTIONS, ...options },
    interrupt,
    (c) => c.forEach((x) => events.push(`${x.stream}:${x.text}`)),
    {
      sendDisplay: (d) => events.push(`display:${d.kind}:${Object.keys(d.data).join(',')}`),
    },
  );
  return { result, events };
}

/** A w×h red PNG built in pure Python (zlib + struct), as the issue asks. */
const PNG_CLASS = `
import struct, zlib
class Red:
    def __init__(self, w=4, h=3): self.w, self.h = w, h
    def _repr_png_(self):
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
        rows = b"".join(b"\\x00" + b"\\xff\\x00\\x00" * self.w for _ in range(self.h))
        ihdr = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)
        return b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
`;

beforeAll(async () => {
  rt = await loadTestRuntime();
  rt.pyodide.setInterruptBuffer(interrupt);
});

describe('display protocol (real Pyodide in Node)', () => {
  it('display() is a builtin and streams bundles in order with stdout', async () => {
    const code =
      'class T:\n    def _repr_html_(self): return "<table><tr><td>1</td></tr></table>"\nprint("before")\ndisplay(T())\nprint("after")';
    const { result, events } = await run(code);
    expect(result.status).toBe('ok');
    expect(events).toEqual(['stdout:before\n', 'display:display:text/html,text/plain', 'stdout:after\n']);
    expect(result.displays).toHaveLength(1);
    expect(result.displays[0]?.data['text/html']).toContain('<table>');
    expect(result.displays[0]?.data['text/plain']).toMatch(/^<__main__\.T object at/);
  });

  it('works as `from executor import display`, with HTML/Markdown/SVG/JSON wrappers', async () => {
    const code = 'from executor import display, Markdown, JSON, SVG\ndisplay(Markdown("# Hi"), JSON({"a": [1, 2]}), SVG("<svg/>"))';
    const { result } = await run(code);
    expect(result.displays.map((d) => d.data)).toEqual([
      { 'text/markdown': '# Hi', 'text/plain': '<Markdown object>' },
      { 'application/json': '{"a": [1, 2]}', 'text/plain': '<JSON object>' },
      { 'image/svg+xml': '<svg/>', 'text/plain': '<SVG object>' },
    ]);
  });

  it('shows a trailing value with a rich repr as a result display, and keeps its repr as value', async () => {
    const code =
      'class Frame:\n    def _repr_html_(self): return "<table></table>"\n    def __repr__(self): return "Frame(2 rows)"\nFrame()';
    const { result } = await run(code);
    expect(result.value).toBe('Frame(2 rows)');
    expect(result.displays).toEqual([{ kind: 'result', data: { 'text/html': '<table></table>', 'text/plain': 'Frame(2 rows)' } }]);
    const plain = await run('41 + 1');
    expect(plain.result.value).toBe('42');
    expect(plain.result.displays).toEqual([]);
  });

  it('encodes a pure-Python _repr_png_ as base64 PNG', async () => {
    const { result } = await run(`${PNG_CLASS}\nRed()`);
    const png = result.displays[0]?.data['image/png'] ?? '';
    expect(Buffer.from(png, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('skips a failing _repr_*_ and never calls repr methods on a class', async () => {
    const code = 'class B:\n    def _repr_html_(self): raise ValueError("no")\n    def __repr__(self): return "B()"\ndisplay(B(), B)';
    const { result } = await run(code);
    expect(result.status).toBe('ok');
    expect(result.displays[0]?.data).toEqual({ 'text/plain': 'B()' });
    expect(result.displays[1]?.data).toEqual({ 'text/plain': "<class '__main__.B'>" });
  });

  it('counts rich output toward the output cap and replaces what does not fit by a note', async () => {
    const { result } = await run(`${PNG_CLASS}\ndisplay(Red(200, 200))\nprint("still here")`, { maxOutputChars: 300 });
    expect(result.displays[0]?.data).toEqual({
      'text/plain': expect.stringMatching(
        /^\[image\/png output of .* KB not shown: it would pass the output limit of 300 characters\. Raise the output limit/,
      ),
    });
    expect(result.stdout).toBe('still here\n');
    expect(result.metrics.truncated).toBe(true);
    expect(result.metrics.outputChars).toBeGreaterThan(300);
  });

  it('shows at most MAX_DISPLAYS_PER_RUN rich outputs, says so once, and counts the rest toward the output limit', async () => {
    const { result, events } = await run('from executor import HTML\nfor i in range(20_000):\n    display(HTML(""))\nprint("after")', {
      maxOutputChars: 10_000_000,
    });
    expect(events.filter((e) => e.startsWith('display:'))).toHaveLength(MAX_DISPLAYS_PER_RUN);
    expect(events.filter((e) => e.includes('More rich outputs not shown'))).toHaveLength(1);
    expect(result.stdout).toBe('after\n');
    expect(result.metrics.truncated).toBe(true);
    expect(result.metrics.outputChars).toBeGreaterThanOrEqual(20_000 * DISPLAY_OVERHEAD_CHARS);
  });

  it('shows open matplotlib figures at the end of a run and closes them (pyplot stand-in)', async () => {
    const code = `${PNG_CLASS}
import sys, types
plt = types.ModuleType("matplotlib.pyplot")
class Fig:
    def savefig(self, buf, format, dpi, bbox_inches): buf.write(Red()._repr_png_())
plt._figs = {1: Fig(), 2: Fig()}
plt.get_fignums = lambda: sorted(plt._figs)
plt.figure = lambda n: plt._figs[n]
plt.close = lambda which: plt._figs.clear()
sys.modules["matplotlib.pyplot"] = plt
print("plotted")`;
    const { result, events } = await run(code);
    expect(events).toEqual(['stdout:plotted\n', 'display:display:image/png,text/plain', 'display:display:image/png,text/plain']);
    expect(result.displays[1]?.data['text/plain']).toBe('<Figure 2>');
    const again = await run('import sys\nprint(sys.modules["matplotlib.pyplot"]._figs)\ndel sys.modules["matplotlib.pyplot"]');
    expect(again.result.stdout).toBe('{}\n');
    expect(again.result.displays).toEqual([]);
  });

  it('selects the matplotlib backend that draws with Agg and shows in the console', async () => {
    const { result } = await run('import os\nos.environ["MPLBACKEND"]');
    expect(result.value).toBe("'module://_executor.mpl_backend'");
  });
});
