import { ApiError, describeError } from '../api/client';

/** A failure in words, with every problem's place (a field path, a line of the configuration). */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="error" role="alert">
      <p>{describeError(error)}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>
              <code>{problem.path || '(top)'}</code>
              {problem.line !== undefined && <span> (line {problem.line})</span>}: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
