import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from './error-message';

/**
 * A destructive action in two steps: the button, then a question with "Yes" and "Cancel" in its
 * place (focus on "Yes"; Cancel returns focus to the button). A failure is said in words.
 */
export function ConfirmAction({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  accessibleLabel: string;
  question: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  if (!asking) {
    return (
      <button ref={trigger} type="button" className="secondary" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question}>
      <div className="admin-confirm">
        <span>{question}</span>
        <button ref={yes} type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {busy ? 'Working…' : confirmLabel}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
