// Plain text to Extraction: decoding with BOM detection, one unit, paragraphs at blank lines.
import { splitParagraphs } from "../../core/text/segment";
import type { Extraction } from "../../core/text/types";

/** Decodes UTF-16 (by its byte-order mark) or UTF-8, replacing invalid bytes rather than failing. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/** The whole text as one untitled section named `untitled`. */
export function extractPlainText(text: string, untitled: string): Extraction {
  return { units: [{ kind: "section", number: 1, title: untitled, level: 0, paragraphs: splitParagraphs(text) }] };
}
