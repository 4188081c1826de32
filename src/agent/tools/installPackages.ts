import * as z from 'zod';
import { defineTool } from './defineTool.ts';

/** install_packages: loads packages by name from Executor's package index, else PyPI when allowed (never arbitrary URLs). */
export const installPackagesTool = defineTool({
  name: 'install_packages',
  description:
    "Install packages by name: from Executor's package index (self-hosted, else its package CDN), and pure-Python packages that are not in it from PyPI with micropip when the deployment allows it and the internet is reachable. Safe mode refuses packages outside the allowed modules before any download. Returns what was installed (with versions) and what failed and why.",
  schema: z.object({
    packages: z
      .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a package name (letters, digits, ".", "_", "-")'))
      .min(1, 'name at least one package')
      .max(50),
  }),
  async run({ packages }, ctx) {
    const report = await ctx.engine.install(packages);
    ctx.recordInstall(report);
    const done = report.installed.map((p) => `${p.name} ${p.version}`);
    const summary = [
      done.length ? `Installed ${done.join(', ')}.` : '',
      report.failed.length ? `Failed: ${report.failed.map((f) => f.name).join(', ')}.` : '',
    ]
      .join(' ')
      .trim();
    return { ok: report.failed.length === 0, summary: summary || 'Nothing to install.', data: report };
  },
});
