import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS } from '../protocol/defaultRunOptions.ts';
import { DEFAULT_RUN_POLICY } from '../engine/defaultPolicy.ts';
import type { RunPolicy } from '../protocol/policy.ts';
import { loadTestRuntime } from '../testing/loadTestRuntime.ts';
import type { PythonRuntime } from './bootPyodide.ts';
import { runCode } from './runCode.ts';
import { runSafely } from './runSafely.ts';
import { applyPolicy } from './applyPolicy.ts';

let rt: PythonRuntime;
const interrupt = new Int32Array(new SharedArrayBuffer(4));

beforeAll(async () => {
  rt = await loadTestRuntime({ packageIndex: true });
  rt.pyodide.setInterruptBuffer(interrupt);
});

/** A run through validate_code and the runtime policy, as the worker does it. */
const run = (code: string, policy: RunPolicy | undefined = DEFAULT_RUN_POLICY) =>
  runSafely(rt, code, policy, { execute: () => runCode(rt, code, { ...DEFAULT_RUN_OPTIONS, policy }, interrupt, () => undefined) });

/** A run with only the runtime policy (validate_code skipped): what the import hook and guards catch on their own. */
async function runtimeOnly(code: string, policy: RunPolicy = DEFAULT_RUN_POLICY) {
  const lift = applyPolicy(rt, policy);
  try {
    return await runCode(rt, code, { ...DEFAULT_RUN_OPTIONS, policy }, interrupt, () => undefined);
  } finally {
    lift();
  }
}

describe('safe mode (real Pyodide in Node)', () => {
  it('a changed policy applies from the next run on (the lists are converted once per policy, not per run)', async () => {
    const withMath: RunPolicy = { ...DEFAULT_RUN_POLICY, allowedModules: ['math'] };
    const without: RunPolicy = { ...DEFAULT_RUN_POLICY, allowedModules: ['json'] };
    expect((await run('import math\nprint(math.e > 2)', withMath)).stdout).toBe('True\n');
    expect((await run('import math\nprint(math.e > 2)', withMath)).stdout).toBe('True\n');
    // Refused by validate_code, and by the runtime policy on its own.
    expect((await run('import math', without)).status).toBe('security');
    expect((await runtimeOnly('import math', without)).error?.type).toBe('SecurityViolation');
    expect((await runtimeOnly('import math', withMath)).status).toBe('ok');
    expect((await run('forbidden = eval', { ...withMath, forbiddenFunctions: ['eval'] })).status).toBe('security');
    expect((await run('fine = eval', { ...withMath, forbiddenFunctions: ['exec'] })).status).toBe('ok');
  });

  it('refuses code with error diagnostics before running it, with the reasons', async () => {
    const result = await run('print("ran")\nimport js\neval("1")');
    expect(result.status).toBe('security');
    expect(result.stdout).toBe('');
    expect(result.error?.type).toBe('SecurityViolation');
    expect(result.error?.traceback).toMatch(/line 2: .*js/);
    expect(result.error?.traceback).toMatch(/line 3: .*eval/);
    expect(result.diagnostics?.map((d) => d.rule)).toEqual(['js-access', 'forbidden-function']);
  });

  it('runs ordinary code, and warnings do not refuse', async () => {
    const result = await run('import math, json\nwhile True:\n    print(json.dumps(math.pi))\n    raise SystemExit');
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('3.141592653589793\n');
  });

  it('blocks imports outside the allowlist with SecurityViolation, an ImportError naming module and rule', async () => {
    const noForbidden = { ...DEFAULT_RUN_POLICY, forbiddenFunctions: [] };
    const blocked = await run('m = __import__("g" + "c")', noForbidden);
    expect(blocked.status).toBe('security');
    expect(blocked.error?.message).toMatch(/'gc' is not allowed in safe mode \(rule module-allowlist\)/);
    expect(blocked.error?.traceback).toMatch(/^Traceback[^]*File "main.py", line 1[^]*SecurityViolation/);
    expect(blocked.error?.traceback).not.toContain('_executor');
    const caught = await run(
      'try:\n    __import__("j" + "s")\nexcept ImportError as e:\n    print(type(e).__name__, e.module, e.rule, isinstance(e, SecurityViolation))',
      noForbidden,
    );
    expect(caught.stdout).toBe('SecurityViolation js blocked-module True\n');
    for (const name of ['pyodide_js', 'pyodide.ffi', 'pyodide.code', 'pyodide.http', 'micropip']) {
      const r = await runtimeOnly(`import ${name}`, {
        ...DEFAULT_RUN_POLICY,
        allowedModules: [...DEFAULT_RUN_POLICY.allowedModules, 'js', 'pyodide', 'micropip'],
      });
      expect(r.error?.type, name).toBe('SecurityViolation');
    }
    const viaImportlib = await runtimeOnly('import importlib\nimportlib.import_module("gc")', {
      ...DEFAULT_RUN_POLICY,
      allowedModules: ['importlib'],
    });
    expect(viaImportlib.error?.message).toMatch(/'gc' is not allowed/);
  });

  it("lets libraries import what they need, and the session's own modules", async () => {
    rt.pyodide.FS.writeFile('/home/workspace/helper_mod.py', 'import json\nVALUE = 7\n');
    const r = await runtimeOnly(
      'import json, decimal, asyncio\nimport helper_mod\nprint(json.dumps({"v": helper_mod.VALUE}))\nawait asyncio.sleep(0)',
    );
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('{"v": 7}\n');
  });

  it('forbidden builtins raise SecurityViolation from user code, not from libraries', async () => {
    const r = await runtimeOnly(
      'try:\n    f = eval\n    f("1")\nexcept SecurityViolation as e:\n    print("blocked", e.rule)\nfrom dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\nprint(P(1))',
    );
    expect(r.stdout).toBe('blocked forbidden-function\nP(x=1)\n');
    const direct = await runtimeOnly('compile("1", "x", "eval")');
    expect(direct.status).toBe('security');
    expect(direct.error?.message).toMatch(/compile\(\) is forbidden in safe mode/);
  });

  it("keeps writes in the session's working folder", async () => {
    const policy = { ...DEFAULT_RUN_POLICY, forbiddenFunctions: [] };
    const ok = await runtimeOnly(
      'open("notes.txt", "w").write("hi")\nimport pathlib\npathlib.Path("sub").mkdir(exist_ok=True)\nprint(open("notes.txt").read())',
      policy,
    );
    expect(ok.stdout).toBe('hi\n');
    for (const code of [
      'open("/lib/evil.py", "w")',
      'import pathlib\npathlib.Path("/etc/x").write_text("x")',
      'import os\nos.remove("/lib/python314.zip")',
      'import os\nos.symlink("/lib", "link")\nopen("link/x.py", "w")',
    ]) {
      const r = await runtimeOnly(code, policy);
      expect(r.status, code).toBe('security');
      expect(r.error?.type, code).toBe('FileSystemViolation');
    }
    expect(rt.pyodide.FS.analyzePath('/lib/evil.py').exists).toBe(false);
  });

  it('is lifted when safe mode is off, and after every safe run', async () => {
    const open: RunPolicy = { ...DEFAULT_RUN_POLICY, sandboxMode: false };
    const r = await run('import gc, builtins\nprint(eval("1 + 1"), builtins.eval is eval)\nopen("/tmp/x", "w").write("x")', open);
    expect(r.status).toBe('ok');
    expect(r.stdout).toBe('2 True\n');
    await run('print(1)');
    const after = await runCode(rt, 'print(eval("2"))', DEFAULT_RUN_OPTIONS, interrupt, () => undefined);
    expect(after.error).toBeNull();
    expect(after.stdout).toBe('2\n');
  });

  it('pytest works under the policy', async () => {
    await rt.pyodide.loadPackage(['pytest']);
    rt.pyodide.FS.writeFile('/home/workspace/test_policy_demo.py', 'import pytest\n\ndef test_ok():\n    assert 1 + 1 == 2\n');
    const r = await run(
      'import pytest\ncode = pytest.main(["-q", "-p", "no:cacheprovider", "test_policy_demo.py"])\nprint("exit", int(code))',
    );
    expect(r.error).toBeNull();
    expect(r.stdout).toContain('1 passed');
    expect(r.stdout).toContain('exit 0');
  });
});
