import { useState } from 'react';
import { appStore } from '../store/useAppStore.ts';

/** "Install packages: [names] [Install]": from the index, else from PyPI when the deployment allows it. */
export function InstallByName({ disabled }: { disabled: boolean }) {
  const [names, setNames] = useState('');
  const submit = () => {
    const list = names.split(/[\s,]+/).filter(Boolean);
    if (list.length === 0) return;
    void appStore.getState().installPackages(list);
  };
  return (
    <form
      className="deps-actions"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        Install packages{' '}
        <input data-testid="install-names" value={names} placeholder="e.g. tabulate, rich" onChange={(e) => setNames(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-small" data-testid="install-submit" disabled={disabled || names.trim() === ''}>
        Install
      </button>
    </form>
  );
}
