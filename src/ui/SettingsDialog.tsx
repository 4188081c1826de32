import { appStore, useAppStore } from '../store/useAppStore.ts';
import { Dialog } from './Dialog.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';

/** The settings (limits, safe mode and its policy, tests, monitoring, package sources, presets) in a dialog. */
export function SettingsDialog() {
  const open = useAppStore((s) => s.settingsOpen);
  return (
    <Dialog open={open} onClose={() => appStore.getState().setSettingsOpen(false)} title="Settings" data-testid="settings">
      <SettingsPanel />
    </Dialog>
  );
}
