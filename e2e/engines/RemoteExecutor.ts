import type { RemoteBrowser } from '../../scripts/engines/RemoteBrowser.ts';

/**
 * The app in a browser driven over WebDriver (Firefox, WebKitGTK) or Playwright, for the cross-engine
 * smoke suite: what a user does (Run, Stop, the tests, Share) through test ids, and the page's engine API.
 */
export class RemoteExecutor {
  constructor(
    readonly browser: RemoteBrowser,
    readonly baseUrl: string,
  ) {}

  /** Opens the app (or `url`) and waits until Python is ready. */
  async open(url = `${this.baseUrl}/`): Promise<void> {
    await this.browser.goto(url);
    await this.waitReady();
  }

  /** Starts over as a first visit would, without a reload. */
  async startOver(): Promise<void> {
    await this.browser.evaluate(() => window.executor.startOver(), null);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await this.waitText('status', 'Ready');
  }

  /** Polls `read(arg)` in the page until `ok` holds for its value; fails with what it last saw. */
  async waitFor<A, R>(what: string, read: (arg: A) => R, arg: A, ok: (value: R) => boolean, timeoutMs = 90_000): Promise<R> {
    const end = Date.now() + timeoutMs;
    let last: R | undefined;
    while (Date.now() < end) {
      last = await this.browser.evaluate(read, arg);
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(
      `Timed out after ${timeoutMs / 1000} s waiting for ${what} in ${this.browser.version}; last seen: ${JSON.stringify(last)}`,
    );
  }

  /** Text of the element with this test id ('' when there is none). */
  text(testId: string): Promise<string> {
    return this.browser.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);
  }

  /** Waits until the element with this test id contains `text`. */
  async waitText(testId: string, text: string, timeoutMs?: number): Promise<void> {
    await this.waitFor(
      `"${text}" in ${testId}`,
      (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '',
      testId,
      (t) => t.includes(text),
      timeoutMs,
    );
  }

  /** Checks or unchecks the checkbox with this test id, whatever it was (a setting may be kept from an earlier test). */
  async setChecked(testId: string, on: boolean): Promise<void> {
    const checked = await this.browser.evaluate(
      (id) => document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)?.checked ?? null,
      testId,
    );
    if (checked === null) throw new Error(`No checkbox ${testId} in the page`);
    if (checked === on) return;
    // A WebDriver click can be lost (seen in WebKitGTK: safe mode stayed on and an install was refused): look, and
    // click again once before saying so.
    for (let attempt = 0; attempt < 2; attempt++) {
      await this.browser.click(testId);
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const state = await this.browser.evaluate(
          (id) => document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)?.checked ?? null,
          testId,
        );
        if (state === on) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`The checkbox ${testId} did not become ${on ? 'checked' : 'unchecked'} after two clicks in ${this.browser.version}.`);
  }

  /** Puts code into the editor's file (through the page's project API: WebDriver cannot paste into Monaco alike everywhere). */
  async setCode(code: string): Promise<void> {
    await this.browser.evaluate((text) => {
      const project = window.executor.project;
      project.writeFile(project.activePath(), text);
    }, code);
  }

  /** How many runs have finished. */
  runCount(): Promise<number> {
    return this.browser.evaluate(() => Number(document.querySelector('[data-testid="metrics"]')?.getAttribute('data-runs') ?? '0'), null);
  }

  /** Clicks Run; returns the finished-run count to wait for. */
  async startRun(): Promise<number> {
    const before = await this.runCount();
    await this.browser.click('run');
    return before + 1;
  }

  async waitRunsDone(count: number): Promise<void> {
    await this.waitFor(
      `run ${count} to finish`,
      () => document.querySelector('[data-testid="metrics"]')?.getAttribute('data-runs'),
      null,
      (n) => Number(n) >= count,
    );
  }

  /** Puts code in the editor, clicks Run and waits for the result. */
  async run(code: string): Promise<void> {
    await this.setCode(code);
    await this.waitRunsDone(await this.startRun());
  }

  /** Status of the last finished run ('ok', 'stopped', 'timeout', ...). */
  lastStatus(): Promise<string | null> {
    return this.browser.evaluate(() => document.querySelector('[data-testid="metrics"]')?.getAttribute('data-status') ?? null, null);
  }

  /**
   * From now on, what the page downloads (a link to a blob: URL with a download name) is kept in the page instead
   * of saved, so a test can read it with `downloaded`: WebDriver engines differ in where and whether they save files.
   */
  async keepDownloads(): Promise<void> {
    await this.browser.evaluate(() => {
      const kept: Array<{ name: string; bytes: number[] }> = [];
      Object.assign(window, { keptDownloads: kept });
      // The page's CSP allows no fetch of blob: URLs, so the Blob is taken when its URL is made.
      const blobs = new Map<string, Blob>();
      const createObjectURL = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        const url = createObjectURL(obj);
        if (obj instanceof Blob) blobs.set(url, obj);
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const blob = blobs.get(this.href);
        if (!this.download || !blob) return click.call(this);
        const name = this.download;
        void blob.arrayBuffer().then((b) => kept.push({ name, bytes: Array.from(new Uint8Array(b)) }));
      };
    }, null);
  }

  /** The bytes of the last download named `name` (after `keepDownloads`), waiting for it. */
  async downloaded(name: string): Promise<number[]> {
    const read = (n: string) =>
      ((window as unknown as { keptDownloads?: Array<{ name: string; bytes: number[] }> }).keptDownloads ?? [])
        .filter((d) => d.name === n)
        .at(-1)?.bytes ?? null;
    return (await this.waitFor(`the download ${name}`, read, name, (b) => b !== null)) ?? [];
  }

  /** Picks files for the file input with this test id, as a person choosing them would (bytes as arrays). */
  async pickFiles(testId: string, files: Array<{ name: string; bytes: number[]; type: string }>): Promise<void> {
    await this.browser.evaluate(
      ({ id, picked }) => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
        if (!input) throw new Error(`No file input ${id}`);
        const list = new DataTransfer();
        for (const f of picked) list.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
        input.files = list.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { id: testId, picked: files },
    );
  }
}
