import { ErrorMessage } from './error-message';

/**
 * The end of a form: why the last try was refused, then the submit button (which says what it is
 * doing and cannot be pressed twice while the server answers) and Cancel.
 */
export function FormFooter({
  error,
  busy,
  submitLabel,
  busyLabel = 'Saving…',
  danger = false,
  onCancel,
}: {
  error: unknown;
  busy: boolean;
  submitLabel: string;
  busyLabel?: string;
  /** The submit button looks destructive (reject, lost). */
  danger?: boolean;
  onCancel(): void;
}) {
  return (
    <>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className={danger ? 'danger' : undefined} disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
