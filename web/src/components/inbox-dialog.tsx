import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormFooter } from './form-footer';

/**
 * A modal form for one action on a lead (reject, log contact, won, lost): opens at once with the
 * focus on its first field, Escape or Cancel closes it, a refusal stays in it in words.
 */
export function InboxDialog({
  title,
  description,
  submitLabel,
  danger = false,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  description?: ReactNode;
  submitLabel: string;
  danger?: boolean;
  /** Throws to keep the dialog open with the error. */
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
      ref.current?.close();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="inbox-dialog" aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {description && (
          <p id={descriptionId} className="hint">
            {description}
          </p>
        )}
        {children}
        <FormFooter error={error} busy={busy} submitLabel={submitLabel} danger={danger} onCancel={() => ref.current?.close()} />
      </form>
    </dialog>
  );
}
