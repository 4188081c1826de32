import { describeInstallFailures } from '../engine/describeInstallFailures.ts';
import { mergePackages } from './sessionPackages.ts';
import type { SessionsSlice } from './sessionTypes.ts';
import type { SliceCreator } from './types.ts';

type PackageActions = Pick<SessionsSlice, 'restoreSessionPackages' | 'approvePendingPackages' | 'removeSessionPackage'>;

/**
 * The sessions slice's package actions (its keys `sessionPackages` and `pendingPackages`; the slice spreads them in).
 * `freshInterpreter` is the interpreter the last session switch asked for, which a restore waits for.
 */
export const sessionPackageActions =
  (freshInterpreter: () => Promise<void>): SliceCreator<PackageActions> =>
  (set, get) => ({
    async restoreSessionPackages() {
      const { engine, sessionPackages, currentSessionId } = get();
      // Every new interpreter from now on installs them itself (see the engine's setSessionPackages).
      engine?.setSessionPackages(sessionPackages.map((p) => p.spec));
      if (!engine || sessionPackages.length === 0) return;
      await freshInterpreter().catch(() => undefined);
      await engine.whenReady();
      const report = await engine.install(sessionPackages.map((p) => p.spec));
      if (get().currentSessionId !== currentSessionId) return;
      const back = report.requested ?? [];
      if (back.length) {
        get().appendEntry('notice', `Restored this session's packages: ${back.map((p) => `${p.name} ${p.version}`.trim()).join(', ')}.`);
        // Versions and sources as this install found them (a session stored before they were kept has names only).
        set((s) => ({ sessionPackages: mergePackages(s.sessionPackages, back) }));
      }
      for (const line of describeInstallFailures(report.failed)) get().appendEntry('notice', line);
    },

    async approvePendingPackages() {
      const pending = get().pendingPackages;
      set({ pendingPackages: [] });
      if (pending.length) await get().installPackages(pending.map((p) => p.spec));
    },

    removeSessionPackage(name) {
      set((s) => ({ sessionPackages: s.sessionPackages.filter((p) => p.name !== name) }));
      get().appendEntry('notice', `${name} was taken off this session's packages; it stays loaded until Restart.`);
    },
  });
