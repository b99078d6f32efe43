// Validation errors of the RL core. core may not import src/lib, so this error is shaped like
// lib's SerializedError (name, code, message, hint): lib's toFolioError rebuilds it by name.

/** A bad RL setting: `field` is the dotted path of the offending config field, e.g. "phases[1].steps". */
export class RlConfigError extends Error {
  override readonly name = "InvalidRequestError" as const;
  readonly code = "invalid-request" as const;
  readonly field: string;
  /** What the user should do next, in one sentence. */
  readonly hint: string;

  constructor(field: string, message: string, hint = `Fix "${field}" in the run settings and start again.`) {
    super(`${field}: ${message}`);
    this.field = field;
    this.hint = hint;
  }
}

/** Throws an RlConfigError for `field` unless `value` is a finite number in [min, max]. */
export function requireNumberInRange(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RlConfigError(field, `expected a finite number, got ${String(value)}.`);
  }
  if (value < min || value > max) {
    throw new RlConfigError(field, `expected a number in [${min}, ${max}], got ${value}.`);
  }
  return value;
}

/** Throws an RlConfigError for `field` unless `value` is an integer in [min, max]. */
export function requireIntegerInRange(field: string, value: unknown, min: number, max: number): number {
  requireNumberInRange(field, value, min, max);
  if (!Number.isInteger(value)) throw new RlConfigError(field, `expected an integer, got ${String(value)}.`);
  return value as number;
}

/** Looks `name` up in a typed name -> value map; an unknown name is an error listing the valid ones. */
export function lookupByName<K extends string, V>(field: string, map: Readonly<Record<K, V>>, name: string): V {
  if (!Object.prototype.hasOwnProperty.call(map, name)) {
    const valid = Object.keys(map).join(", ");
    throw new RlConfigError(field, `unknown name "${name}"; valid names are: ${valid}.`);
  }
  return map[name as K];
}
