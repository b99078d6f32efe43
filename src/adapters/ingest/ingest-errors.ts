// The named errors a user can meet when adding a document, each with what to do next.
import { FolioError } from "../../lib/errors";

/** Largest file Folio reads, checked before any byte is read: 256 MiB. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export function emptyFileError(name: string): FolioError {
  return new FolioError("EmptyFileError", `"${name}" is empty (0 bytes).`, "Check that the file was saved completely, then add it again.");
}

export function fileTooLargeError(name: string, bytes: number): FolioError {
  const mib = (value: number) => `${Math.round(value / (1024 * 1024))} MiB`;
  return new FolioError(
    "FileTooLargeError",
    `"${name}" is ${mib(bytes)}, over the ${mib(MAX_FILE_BYTES)} limit.`,
    "Split the document into smaller files and add them one by one.",
  );
}

export function unsupportedTypeError(name: string, what: string): FolioError {
  return new FolioError(
    "UnsupportedTypeError",
    `"${name}" is not a document Folio can read (${what}).`,
    "Add a PDF, DOCX, HTML, Markdown or plain-text file instead.",
  );
}

export function damagedFileError(name: string, detail: string, cause?: unknown): FolioError {
  return new FolioError(
    "DamagedFileError",
    `"${name}" is damaged and cannot be read (${detail.replace(/\s+/g, " ").trim().slice(0, 200)}).`,
    "Open it in another viewer and save or export it again, then add the new copy.",
    { cause },
  );
}

export function passwordRequiredError(name: string): FolioError {
  return new FolioError("PasswordRequiredError", `"${name}" is protected by a password.`, "Enter the document's password to open it.");
}

export function wrongPasswordError(name: string): FolioError {
  return new FolioError("WrongPasswordError", `The password for "${name}" is not correct.`, "Check the password (it is case-sensitive) and try again.");
}

export function noTextFoundError(name: string): FolioError {
  return new FolioError(
    "NoTextFoundError",
    `No text found in "${name}": it may be a scan or contain only images.`,
    "Run it through OCR (text recognition) first, or add a version with selectable text.",
  );
}

/** Checks the size of a file before it is read; throws the named error for empty or huge files. */
export function checkFileSize(name: string, bytes: number): void {
  if (bytes === 0) throw emptyFileError(name);
  if (bytes > MAX_FILE_BYTES) throw fileTooLargeError(name, bytes);
}
