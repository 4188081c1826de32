import { describeInstallFailures } from '../engine/describeInstallFailures.ts';
import { addDownloadTick } from './downloads.ts';
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
    packageSources: null,
    setPackageSources: (packageSources) => set({ packageSources }),
    downloads: {},
    recordDownload: (tick) => set({ downloads: addDownloadTick(get().downloads, tick) }),
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
      await get().installPackages(needed);
    },
    async installPackages(names) {
      const { engine } = get();
      const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
      if (!engine || wanted.length === 0) return;
      set({ packagesBusy: 'installing', packagesError: null });
      try {
        const report = await engine.install(wanted);
        set({ lastInstall: report });
        if (report.installed.length)
          get().appendEntry('notice', `Installed ${report.installed.map((p) => `${p.name} ${p.version}`.trim()).join(', ')}.`);
        for (const line of describeInstallFailures(report.failed)) get().appendEntry('notice', line);
      } catch (err) {
        set({ packagesError: `Loading packages failed: ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        set({ packagesBusy: null });
      }
      if (get().dependencies) await get().analyzeDependencies();
    },
    setLastInstall: (lastInstall) => set({ lastInstall }),
    resetPackagesForSession: () => set({ dependencies: null, packagesError: null, lastInstall: null, declared: null }),
    declared: null,
    async readDeclared() {
      const { engine, files } = get();
      if (!engine) return;
      try {
        set({ declared: await engine.declaredDependencies(files) });
      } catch (err) {
        set({
          packagesError: `The project's declared dependencies could not be read: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    },
    async installDeclared() {
      const names = get().declared?.install.map((r) => r.name) ?? [];
      if (names.length) await get().installPackages(names);
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
