// @ts-check
/**
 * The offline index's libraries (issue #34) in Pyodide under Node: each is loaded by its lock name alone, the
 * way the page's worker loads it, so its declared dependencies must come with it, and then makes one real call.
 * Dependents come before what they depend on, so a missing `depends` in manifest.json fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT_DIR = join(ROOT, 'public', 'packages');
const LOCK_PATH = join(OUT_DIR, 'pyodide-lock.json');
const TIMEZONES = readFileSync(join(ROOT, 'src', 'worker', 'python', '_executor', 'timezones.py'), 'utf8');

/**
 * Lock name → a Python expression that uses it, and what it gives.
 *
 * @type {Array<[string, string, unknown]>}
 */
const CALLS = [
  ['sympy', 'str(__import__("sympy").factor(__import__("sympy").Symbol("x") ** 2 - 1))', '(x - 1)*(x + 1)'],
  ['mpmath', '(lambda m: (setattr(m.mp, "dps", 30), str(m.sqrt(2)))[1])(__import__("mpmath"))', '1.41421356237309504880168872421'],
  ['networkx', '__import__("networkx").shortest_path(__import__("networkx").cycle_graph(6), 0, 4)', [0, 5, 4]],
  [
    'hypothesis',
    `(lambda h, st, seen: (h.settings(max_examples=20, database=None)(h.given(st.integers(0, 9))(lambda n: seen.append(n)))(), 0 < len(seen) <= 20 and all(0 <= n <= 9 for n in seen))[1])(__import__("hypothesis"), __import__("hypothesis.strategies").strategies, [])`,
    true,
  ],
  ['sortedcontainers', 'list(__import__("sortedcontainers").SortedList([3, 1, 2]))', [1, 2, 3]],
  ['attrs', 'repr(__import__("attrs").make_class("P", ["x"])(1))', 'P(x=1)'],
  [
    'rich',
    '(lambda c: (c.print("[bold]hi[/bold] there"), c.export_text())[1])(__import__("rich.console").console.Console(record=True, width=30))',
    'hi there\n',
  ],
  ['markdown-it-py', '__import__("markdown_it").MarkdownIt().render("# Title")', '<h1>Title</h1>\n'],
  ['mdurl', '__import__("mdurl").parse("https://example.org/a?b").hostname', 'example.org'],
  [
    'python-dateutil',
    '(lambda d: [d.parser.parse("2024-07-01T12:00").isoformat(), str(d.tz.gettz("Europe/Paris").utcoffset(d.parser.parse("2024-07-01")))])(__import__("dateutil.parser").parser.__dict__ and __import__("dateutil.tz") and __import__("dateutil"))',
    ['2024-07-01T12:00:00', '2:00:00'],
  ],
  ['six', '__import__("six").PY3', true],
  [
    'pytz',
    'str(__import__("pytz").timezone("America/New_York").localize(__import__("datetime").datetime(2024, 1, 15)).utcoffset())',
    '-1 day, 19:00:00',
  ],
  [
    'tzdata',
    '[str(__import__("zoneinfo").ZoneInfo("Asia/Tokyo").utcoffset(__import__("datetime").datetime(2024, 1, 1))), "Europe/Paris" in __import__("zoneinfo").available_timezones()]',
    ['9:00:00', true],
  ],
  ['pyyaml', '[__import__("yaml").safe_load("a: [1, 2]"), __import__("yaml").__with_libyaml__]', [{ a: [1, 2] }, false]],
  ['beautifulsoup4', '[p.text for p in __import__("bs4").BeautifulSoup("<p class=x>a</p><p>b</p>", "html.parser").select("p.x")]', ['a']],
  ['soupsieve', 'bool(__import__("soupsieve").compile("div > p"))', true],
  ['jinja2', '__import__("jinja2").Template("Hi {{ name }}!").render(name="<Ada>")', 'Hi <Ada>!'],
  ['markupsafe', 'str(__import__("markupsafe").escape("<a>"))', '&lt;a&gt;'],
  [
    'click',
    '(lambda c: __import__("click.testing").testing.CliRunner().invoke(c.command()(c.option("--n", type=int)(lambda n: c.echo(n * 2))), ["--n", "21"]).output)(__import__("click"))',
    '42\n',
  ],
  ['more-itertools', 'list(map(list, __import__("more_itertools").chunked(range(5), 2)))', [[0, 1], [2, 3], [4]]],
  ['toolz', '__import__("toolz").frequencies("abracadabra")["a"]', 5],
  ['tabulate', '__import__("tabulate").tabulate([[1, 2]], headers=["a", "b"], tablefmt="plain")', '  a    b\n  1    2'],
  ['simplejson', '__import__("simplejson").dumps({"a": [1, 2.5]}, sort_keys=True)', '{"a": [1, 2.5]}'],
  ['typing-extensions', '__import__("typing_extensions").TypedDict("P", {"x": int}).__annotations__["x"].__name__', 'int'],
  ['pyparsing', 'list(__import__("pyparsing").Word(__import__("pyparsing").nums).parse_string("42 rest"))', ['42']],
  [
    'decorator',
    'str(__import__("inspect").signature(__import__("decorator").decorator(lambda f, *a, **k: f(*a, **k))(lambda a, b=2: a + b)))',
    '(a, b=2)',
  ],
  [
    'cachetools',
    '(lambda c: (c.__setitem__("a", 1), c.__setitem__("b", 2), c.__setitem__("c", 3), sorted(c))[3])(__import__("cachetools").LRUCache(2))',
    ['b', 'c'],
  ],
];

/** @type {Awaited<ReturnType<typeof loadPyodide>>} */
let pyodide;

beforeAll(async () => {
  execFileSync(process.execPath, [join(HERE, 'buildPackages.mjs')], { stdio: 'inherit' });
  if (!existsSync(LOCK_PATH)) throw new Error('public/packages/pyodide-lock.json is missing: run `npm run packages`');
  pyodide = await loadPyodide({ lockFileURL: LOCK_PATH, packageBaseUrl: `${OUT_DIR}/` });
  // As the worker does at boot: Debian's pytz and dateutil read the system's zones, given by tzdata.
  pyodide.runPython(`${TIMEZONES}\nlink_system_zoneinfo()`);
}, 240_000);

describe('the offline index in Pyodide', () => {
  it.each(CALLS)('%s loads from public/packages with its dependencies and works', async (name, expression, expected) => {
    const errors = /** @type {string[]} */ ([]);
    await pyodide.loadPackage(String(name), { messageCallback: () => {}, errorCallback: (m) => errors.push(m) });
    expect(errors).toEqual([]);
    const lock = pyodide.lockfile.packages[String(name)];
    expect(lock?.file_name, `${name} is served by the app`).not.toMatch(/^https?:/);
    const value = pyodide.runPython(`import json\njson.dumps(${expression})`);
    expect(JSON.parse(value)).toEqual(expected);
  });
});
