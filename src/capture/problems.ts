/**
 * What is wrong with a lead as it arrived, located by the field it is about: `email`,
 * `custom.budget`, `user_column_data[2].string_value`. An empty path is the input as a whole.
 */
export interface Problem {
  path: string;
  message: string;
}

/** `email: not a valid email address`; a problem about the whole input is its message alone. */
export function describeProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/**
 * What one field normaliser makes of one value: the value to store (absent when there is none to
 * store), and at most one error (the lead is rejected) or warning (the value is kept).
 */
export interface Checked<T> {
  value?: T;
  error?: string;
  warning?: string;
}
