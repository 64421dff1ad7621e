import { useMemo, useState, type FormEvent } from 'react';
import { FieldProblems } from './admin-fields';

/**
 * The submission of a create or edit form: busy while the API answers, its refusal kept (in words
 * for the footer, by field for the inputs), the saved record handed to `onSaved`.
 */
export function useAdminSubmit<T>(save: () => Promise<T>, onSaved: (saved: T) => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => new FieldProblems(error), [error]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await save());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return { error, busy, problems, submit };
}
