// Storage error naming: each browser's quota failure becomes StorageQuotaError; others StorageError.
import { describe, expect, it } from "vitest";
import { isQuotaError, mostTellingError, toStorageError } from "../../src/adapters/storage/storage-errors";
import { FolioError } from "../../src/lib/errors";

describe("storage errors", () => {
  it("recognises quota failures from each browser", () => {
    expect(isQuotaError(new DOMException("full", "QuotaExceededError"))).toBe(true);
    expect(isQuotaError({ name: "NS_ERROR_DOM_QUOTA_REACHED", message: "" })).toBe(true);
    expect(isQuotaError({ name: "Error", code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException("Storage quota exceeded while committing.", "UnknownError"))).toBe(true);
    expect(isQuotaError(new Error("wrapped", { cause: new DOMException("x", "QuotaExceededError") }))).toBe(true);
    expect(isQuotaError(new DOMException("aborted", "AbortError"))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it("prefers the quota error over the AbortError every pending request gets", () => {
    const abort = new DOMException("aborted", "AbortError");
    const quota = new DOMException("full", "QuotaExceededError");
    const clone = new DOMException("cannot clone", "DataCloneError");
    expect(mostTellingError([abort, null, quota])).toBe(quota);
    expect(mostTellingError([abort, clone])).toBe(clone);
    expect(mostTellingError([abort])).toBe(abort);
  });

  it("names the failure and keeps FolioErrors as they are", () => {
    const quota = toStorageError(new DOMException("full", "QuotaExceededError"), "save “a.pdf”");
    expect(quota.name).toBe("StorageQuotaError");
    expect(quota.message).toContain("a.pdf");
    expect(toStorageError(new DOMException("nope", "InvalidStateError"), "x").name).toBe("StorageError");
    expect(toStorageError(new DOMException("newer", "VersionError"), "x").hint).toMatch(/reload/i);
    const own = new FolioError("DocumentNotFoundError", "m", "h");
    expect(toStorageError(own, "x")).toBe(own);
  });
});
