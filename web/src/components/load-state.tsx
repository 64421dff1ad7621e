import { ErrorMessage } from './error-message';
import type { Loaded } from './use-api';

/**
 * Where a load stands, above what it shows: its failure in words, and "Loading …" until the
 * first answer (a later reload keeps what is shown instead of saying it again).
 */
export function LoadState({ loaded, what }: { loaded: Pick<Loaded<unknown>, 'data' | 'error' | 'loading'>; what: string }) {
  return (
    <>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && !loaded.data && (
        <p className="loading" role="status">
          Loading {what}…
        </p>
      )}
    </>
  );
}
