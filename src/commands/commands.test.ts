import { describe, expect, it } from 'vitest';
import { CommandId, commands, getCommand, matchesShortcut, runCommand, shortcutLabel } from './commands.ts';
import { createAppStore } from '../store/createAppStore.ts';
import { createRecordingEngine } from '../testing/createRecordingEngine.ts';

async function setup() {
  const store = createAppStore();
  const recording = createRecordingEngine();
  store.getState().attachEngine(recording.engine);
  await store.getState().hydrateProject();
  return { store, ...recording };
}

const key = (k: string, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('commands', () => {
  it('have unique ids (their buttons’ test ids), and each key runs at most one toolbar command', () => {
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length);
    expect(getCommand(CommandId.run).label).toBe('Run');
    expect(() => getCommand('nope' as CommandId)).toThrow('Unknown command nope');
  });

  it('match their shortcuts exactly, with Ctrl or Cmd, and Shift only where it is named', () => {
    const run = getCommand(CommandId.run).shortcut;
    const stepOut = getCommand(CommandId.debugStepOut).shortcut;
    const stepInto = getCommand(CommandId.debugStepInto).shortcut;
    if (!run || !stepOut || !stepInto) throw new Error('shortcuts missing');
    expect(matchesShortcut(run, key('Enter', { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut(run, key('Enter', { metaKey: true }))).toBe(true);
    expect(matchesShortcut(run, key('Enter'))).toBe(false);
    expect(matchesShortcut(run, key('Enter', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesShortcut(stepOut, key('F11', { shiftKey: true }))).toBe(true);
    expect(matchesShortcut(stepInto, key('F11', { shiftKey: true }))).toBe(false);
    expect(shortcutLabel(run)).toBe('Ctrl/Cmd+Enter');
    expect(shortcutLabel(stepOut)).toBe('Shift+F11');
  });

  it('are enabled by the state, and running one does what its button does', async () => {
    const { store, ran, engine } = await setup();
    const s = () => store.getState();
    expect(getCommand(CommandId.stop).isEnabled(s())).toBe(false);
    expect(getCommand(CommandId.clear).isEnabled(s())).toBe(false);
    expect(getCommand(CommandId.debugContinue).isEnabled(s())).toBe(false);
    expect(runCommand(CommandId.stop, store)).toBe(false);
    s().setCode('print(1)');
    expect(runCommand(CommandId.run, store)).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(ran.map((r) => r.code)).toEqual(['print(1)']);
    s().appendEntry('stdout', '1\n');
    expect(getCommand(CommandId.clear).isEnabled(s())).toBe(true);
    runCommand(CommandId.clear, store);
    expect(s().entries).toEqual([]);
    expect(getCommand(CommandId.reset).isEnabled(s())).toBe(true);
    runCommand(CommandId.reset, store);
    await new Promise((r) => setTimeout(r, 0));
    expect(engine.reset).toHaveBeenCalled();
    s().updateSettings({ enableProfiling: false });
    expect(getCommand(CommandId.profile).isEnabled(s())).toBe(false);
    store.setState({ running: true });
    expect(getCommand(CommandId.run).isEnabled(s())).toBe(false);
    expect(runCommand(CommandId.stop, store)).toBe(true);
    expect(engine.stop).toHaveBeenCalled();
  });

  it('Debug says why it cannot be used where there is no shared memory', async () => {
    const { store } = await setup();
    const debug = getCommand(CommandId.debug);
    expect(debug.unavailable?.(store.getState())).toBeNull();
    store.setState({ capabilities: { sharedMemory: false, reason: 'not isolated' } });
    expect(debug.unavailable?.(store.getState())).toMatch(/SharedArrayBuffer/);
    expect(debug.isEnabled(store.getState())).toBe(false);
  });
});
