import type { ReactNode } from 'react';

/**
 * One page of admin records as a table: captioned for screen readers, scrolling sideways on a
 * narrow screen (so it takes keyboard focus), and saying so in a row when there are none.
 */
export function AdminTable<T>({
  caption,
  headers,
  empty,
  items,
  row,
}: {
  caption: string;
  headers: readonly string[];
  /** What an empty list means, in words: "No reps yet." */
  empty: string;
  items: readonly T[];
  /** The record's `<tr>`, keyed. */
  row(item: T): ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={headers.length}>{empty}</td>
            </tr>
          )}
          {items.map((item) => row(item))}
        </tbody>
      </table>
    </div>
  );
}
