// Errors of the prompt core. core may not import src/lib, so this error is shaped like lib's
// SerializedError (name, code, message, hint): lib's toFolioError rebuilds it by name.

const PROMPT_ERROR_CODES = {
  ContextBudgetError: "context-budget",
  InsufficientMemoryError: "insufficient-memory",
  InvalidRequestError: "invalid-request",
} as const;

/** The error names the prompt core raises; each is also a key of lib's ERROR_CODES. */
export type PromptErrorName = keyof typeof PROMPT_ERROR_CODES;

export class PromptError extends Error {
  override readonly name: PromptErrorName;
  readonly code: string;
  /** What the user should do next, in one sentence. */
  readonly hint: string;

  constructor(name: PromptErrorName, message: string, hint: string) {
    super(message);
    this.name = name;
    this.code = PROMPT_ERROR_CODES[name];
    this.hint = hint;
  }
}

/** Throws an InvalidRequestError naming `field` unless `value` is a finite number in [min, max]. */
export function requireNumberInRange(field: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new PromptError(
      "InvalidRequestError",
      `${field}: expected a finite number ${range}, got ${String(value)}.`,
      "This is a bug in the caller; report it with the steps that led here.",
    );
  }
  return value;
}
