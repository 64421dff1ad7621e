/** What the last action did, in words (a status, so screen readers say it too); nothing when there is nothing to say. */
export function Notice({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p className="notice" role="status">
      {text}
    </p>
  );
}
