import type { PackagesSlice, SliceCreator } from './types.ts';

const AUTO_LOAD_KEY = 'executor.autoLoadPackages.v1';

/** Packages slice: "what does this code need?" and "load it", through the engine. */
export const createPackagesSlice =
  (storage: Pick<Storage, 'getItem' | 'setItem'> | null): SliceCreator<PackagesSlice> =>
  (set, get) => ({
    dependencies: null,
    packagesBusy: null,
    packagesError: null,
    lastInstall: null,
    autoLoadPackages: storage?.getItem(AUTO_LOAD_KEY) !== 'false',
    async analyzeDependencies() {
      const { engine, code } = get();
      if (!engine) return;
      set({ packagesBusy: 'analyzing', packagesError: null });
      try {
        set({ dependencies: await engine.analyzeDependencies(code) });
      } catch (err) {
        set({ packagesError: `Dependency analysis failed: ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        set({ packagesBusy: null });
      }
    },
    async installNeeded() {
      const { engine, dependencies } = get();
      if (!engine || !dependencies) return;
      const needed = [...new Set(dependencies.filter((d) => d.verdict === 'available' && d.package).map((d) => d.package as string))];
      if (needed.length === 0) return;
      set({ packagesBusy: 'installing', packagesError: null });
      try {
        const report = await engine.install(needed);
        set({ lastInstall: report });
        for (const f of report.failed) get().appendEntry('notice', f.reason);
      } catch (err) {
        set({ packagesError: `Loading packages failed: ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        set({ packagesBusy: null });
      }
      await get().analyzeDependencies();
    },
    setAutoLoadPackages(on) {
      set({ autoLoadPackages: on });
      try {
        storage?.setItem(AUTO_LOAD_KEY, String(on));
      } catch {
        // storage denied: the choice holds for this visit
      }
    },
  });
