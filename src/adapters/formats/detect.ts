// Decides a file's format: magic bytes first (they cannot lie about the content), then the
// extension, then the MIME type, then a look at whether the bytes are text at all.
import type { DocumentFormat } from "../../core/text/types";
import { unsupportedTypeError } from "../ingest/ingest-errors";

const ASCII = new TextDecoder("latin1");
const DOCX_MAIN_PART = new TextEncoder().encode("word/document.xml");

/** Binary formats people drop by mistake, named so the error can say what the file is. */
const KNOWN_BINARIES: { magic: number[]; what: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: "a TIFF image" },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: "a TIFF image" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Office file (.doc); save it as .docx" },
  { magic: [0x1f, 0x8b], what: "a gzip archive" },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF file; save it as .docx" },
];

const EXTENSIONS: Record<string, DocumentFormat> = {
  pdf: "pdf", docx: "docx", html: "html", htm: "html", xhtml: "html",
  md: "markdown", markdown: "markdown", mdown: "markdown", txt: "text", text: "text",
};

const MIME_TYPES: Record<string, DocumentFormat> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/plain": "text",
};

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Throws UnsupportedTypeError for anything Folio cannot read. */
export function detectFormat(bytes: Uint8Array, name: string, type: string): DocumentFormat {
  // PDF readers accept the header anywhere in the first kilobyte; so do we.
  const head = ASCII.decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Zip entry names are stored uncompressed, so a Word document's main part shows in the bytes.
    if (containsBytes(bytes, DOCX_MAIN_PART)) return "docx";
    throw unsupportedTypeError(name, "a zip archive that is not a Word document");
  }
  const binary = KNOWN_BINARIES.find((entry) => startsWith(bytes, entry.magic));
  if (binary) throw unsupportedTypeError(name, binary.what);

  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const byName = EXTENSIONS[extension] ?? MIME_TYPES[type.split(";")[0]?.trim().toLowerCase() ?? ""];
  if (byName) return byName;
  if (!looksLikeText(bytes)) throw unsupportedTypeError(name, "binary data of an unknown kind");
  return /^\s*(<!doctype html|<html[\s>])/i.test(head) ? "html" : "text";
}

/** No NUL bytes in the first 4 KiB (UTF-16 text has them, but also a byte-order mark). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  return !bytes.subarray(0, 4096).includes(0);
}

function containsBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (let at = bytes.indexOf(first!); at >= 0 && at + needle.length <= bytes.length; at = bytes.indexOf(first!, at + 1)) {
    if (needle.every((byte, index) => bytes[at + index] === byte)) return true;
  }
  return false;
}
