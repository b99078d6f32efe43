// Turns IndexedDB failures into named FolioErrors; a full disk or quota becomes StorageQuotaError.
import { FolioError, isFolioError } from "../../lib/errors";

const QUOTA_NAMES = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]);
/** Legacy DOMException codes: 22 is QUOTA_EXCEEDED_ERR; Firefox used 1014. */
const QUOTA_CODES = new Set([22, 1014]);
/** Chromium sometimes reports a full disk as an UnknownError or an abort whose message says so. */
const QUOTA_MESSAGE = /quota|disk (?:is )?full|not enough (?:disk )?space|no space left/i;

/** True for any browser's way of saying "storage is full", including on a `cause`. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) return false;
  const { name, code, message, cause } = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  if (typeof name === "string" && QUOTA_NAMES.has(name)) return true;
  if (typeof code === "number" && QUOTA_CODES.has(code)) return true;
  if (typeof message === "string" && QUOTA_MESSAGE.test(message)) return true;
  return isQuotaError(cause, depth + 1);
}

/**
 * Of several errors seen while one transaction failed, the one that explains it: a quota error
 * first, then anything but the AbortError that every pending request gets once the transaction
 * aborts, then whatever there is.
 */
export function mostTellingError(errors: readonly unknown[]): unknown {
  const present = errors.filter((error) => error !== null && error !== undefined);
  return (
    present.find((error) => isQuotaError(error)) ??
    present.find((error) => (error as { name?: unknown }).name !== "AbortError") ??
    present[0]
  );
}

/** Names a storage failure. `action` completes "Folio could not ...", e.g. "save “report.pdf”". */
export function toStorageError(error: unknown, action: string): FolioError {
  if (isFolioError(error)) return error;
  if (isQuotaError(error)) {
    return new FolioError(
      "StorageQuotaError",
      `This browser's storage for Folio is full, so Folio could not ${action}. Nothing already stored was changed.`,
      "Remove documents you no longer need (or free some disk space), then try again.",
      { cause: error },
    );
  }
  const detail = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
  const hint =
    (error as { name?: unknown } | null)?.name === "VersionError"
      ? "Another tab runs a newer Folio; reload this page to update it."
      : "Reload the page and try again; in a private window the browser may not allow storage.";
  return new FolioError("StorageError", `Folio could not ${action} in this browser's storage (${detail}).`, hint, { cause: error });
}
