import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError } from '../api/client';

/**
 * The API's field problems for one form, by field: `body.workingHours.mon[0]` belongs to the
 * field named `workingHours` (and to `workingHours.mon`).
 */
export class FieldProblems {
  private readonly problems: { path: string; message: string }[];
  constructor(error: unknown, part = 'body') {
    const all = error instanceof ApiError ? error.problems : [];
    this.problems = all.map((p) => ({ path: p.path.startsWith(`${part}.`) ? p.path.slice(part.length + 1) : p.path, message: p.message }));
  }
  /** What is wrong with exactly this path (not with anything inside it), or undefined. */
  only(path: string): string | undefined {
    const found = this.problems.filter((p) => p.path === path);
    return found.length > 0 ? found.map((p) => p.message).join('; ') : undefined;
  }
  /** What is wrong with this field or anything inside it, in words, or undefined. */
  of(name: string): string | undefined {
    const found = this.problems.filter((p) => p.path === name || p.path.startsWith(`${name}.`) || p.path.startsWith(`${name}[`));
    if (found.length === 0) return undefined;
    return found.map((p) => (p.path === name ? p.message : `${p.path.slice(name.length).replace(/^\./, '')}: ${p.message}`)).join('; ');
  }
}

/** The attributes that tie an input to its hint and its problem. */
export function described(id: string, hint: boolean, problem: string | undefined) {
  const ids = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

/** A field's problem under it, naming the field: "Email: Invalid email address". */
export function FieldProblem({ id, label, problem }: { id: string; label: string; problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p id={`${id}-problem`} className="admin-field-problem">
      {label}: {problem}
    </p>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/** A labelled input with an optional hint and the API's problem with it, in words. */
export function TextField({
  label,
  value,
  onChange,
  problem,
  hint,
  ...input
}: { label: string; value: string; onChange(value: string): void; problem?: string | undefined; hint?: ReactNode } & InputProps) {
  const id = useId();
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <input {...input} {...described(id, hint !== undefined, problem)} value={value} onChange={(e) => onChange(e.target.value)} />
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldProblem id={id} label={label} problem={problem} />
    </div>
  );
}

/** `en, es , ` → `['en', 'es']`. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An optional whole number from a field: '' → null. */
export function optionalCount(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/**
 * A modal dialog (the native one: focus stays inside, Escape closes it). Focus goes to its
 * heading on opening and back where it was on closing.
 */
export function AdminDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    heading.current?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    element.addEventListener('cancel', cancel);
    return () => {
      element.removeEventListener('cancel', cancel);
      if (element.open) element.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby={`${id}-title`} className="admin-dialog">
      <div className="admin-dialog-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
