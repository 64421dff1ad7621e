import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * Copies `text` to the clipboard. Where the browser will not (no permission, not a secure
 * context), it says so in words and selects the text in `target` so Ctrl+C / ⌘C copies it.
 */
export function CopyButton({ text, label = 'Copy', target }: { text: string; label?: string; target?: RefObject<HTMLElement | null> }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => setOutcome(null), [text]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      const element = target?.current;
      if (element) {
        const range = document.createRange();
        range.selectNodeContents(element);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
      setOutcome('failed');
    }
  }

  return (
    <span className="admin-copy">
      <button type="button" className="secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="hint">
        {outcome === 'copied' && 'Copied to the clipboard.'}
        {outcome === 'failed' && 'This browser would not copy it for us: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.'}
      </span>
    </span>
  );
}

/** A secret the server shows only in the answer that created it: shown here once, with a warning and a copy button. */
export function SecretOnce({ title, secret, children, onDone }: { title: string; secret: string; children?: ReactNode; onDone(): void }) {
  const id = useId();
  const code = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card admin-secret" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="admin-warning">
        <strong>Copy it now: it is shown only this once.</strong> The server keeps only a hash of it; if it is lost, create a new one.
      </p>
      {children}
      <p>
        <code ref={code} className="admin-secret-value">
          {secret}
        </code>
      </p>
      <div className="actions">
        <CopyButton text={secret} label="Copy secret" target={code} />
        <button type="button" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
