import { useEffect, useId, useRef, type ReactNode } from 'react';
import './Dialog.css';

export interface DialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  /** Buttons, right-aligned; the first focusable element gets focus when the dialog opens. */
  actions: ReactNode;
  onClose: () => void;
  tone?: 'default' | 'danger';
}

/** A modal dialog on the native `<dialog>`: focus is trapped and Escape closes it. */
export function Dialog({ open, title, children, actions, onClose, tone = 'default' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={tone === 'danger' ? 'sy-dialog sy-dialog--danger' : 'sy-dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      {open ? (
        <div className="sy-dialog__panel">
          <h2 id={titleId} className="sy-dialog__title">
            {title}
          </h2>
          {children ? <div className="sy-dialog__body">{children}</div> : null}
          <div className="sy-dialog__actions">{actions}</div>
        </div>
      ) : null}
    </dialog>
  );
}
