/** Brings the user to a limit's field under Limits (the stable `setting-*` ids), so raising it is one step. */
export function focusLimit(limit: 'timeout' | 'memory' | 'output'): void {
  const field = document.querySelector<HTMLInputElement>(`[data-testid="setting-${limit}"]`);
  field?.closest('details')?.setAttribute('open', '');
  field?.focus();
  field?.select();
}
