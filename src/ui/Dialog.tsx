import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (the native `<dialog>`: focus is trapped and Escape closes it),
 * open while `open` is true; `onClose` is called however the user closes it. Its
 * content stays mounted while closed, so a half-typed bad value is still there.
 */
export function Dialog({
  open,
  onClose,
  title,
  'data-testid': testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  'data-testid': string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const titleId = `${testId}-title`;
  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid={testId}
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside its content) closes it.
      onClick={(e) => e.target === ref.current && onClose()}
    >
      <div className="dialog-body">
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-icon" data-testid={`${testId}-close`} aria-label="Close" onClick={onClose}>
            <span aria-hidden="true">✕</span>
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
