// DOCX to Extraction: mammoth turns the Word document into semantic HTML (headings from Word's
// heading styles), which the HTML adapter then cuts into sections and paragraphs.
import mammoth from "mammoth";
import type { Extraction } from "../../core/text/types";
import { extractHtml } from "../formats/html";
import { damagedFileError } from "../ingest/ingest-errors";

/** Throws DamagedFileError when the zip or its XML cannot be read. */
export async function extractDocx(bytes: Uint8Array, name: string, untitled: string): Promise<Extraction> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let html: string;
  try {
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; both accept the bytes.
    const input = { arrayBuffer, buffer: arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    html = (await mammoth.convertToHtml(input)).value;
  } catch (error) {
    throw damagedFileError(name, error instanceof Error ? error.message : String(error), error);
  }
  return extractHtml(html, untitled);
}
