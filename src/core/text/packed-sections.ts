// A compact form of a document's sections for storage: every character offset in one Int32Array,
// the per-section labels in a small array beside it. IndexedDB copies a typed array in one piece,
// where tens of thousands of little paragraph and sentence objects each cost a structured-clone
// step on the page's main thread when a long document is opened.
//
// Offsets layout, section after section:
//   start, end, paragraphCount, then per paragraph: start, end, sentenceCount, then per sentence: start, end
import type { Paragraph, Section } from "./types";

export interface PackedSections {
  heads: Pick<Section, "kind" | "number" | "title" | "level">[];
  offsets: Int32Array;
}

/**
 * Stored offsets that do not describe the sections they claim to. Shaped like lib's SerializedError
 * (core may not import lib), so it reaches the user as a DamagedFileError with its hint.
 */
export class PackedSectionsError extends Error {
  override readonly name = "DamagedFileError" as const;
  readonly code = "damaged-file" as const;
  readonly hint = "Remove this document from the library and add the file again.";
}

export function packSections(sections: readonly Section[]): PackedSections {
  let size = 0;
  for (const section of sections) {
    size += 3;
    for (const paragraph of section.paragraphs) size += 3 + 2 * paragraph.sentences.length;
  }
  const offsets = new Int32Array(size);
  let at = 0;
  const heads: PackedSections["heads"] = [];
  for (const section of sections) {
    heads.push({ kind: section.kind, number: section.number, title: section.title, level: section.level });
    offsets[at++] = section.start;
    offsets[at++] = section.end;
    offsets[at++] = section.paragraphs.length;
    for (const paragraph of section.paragraphs) {
      offsets[at++] = paragraph.start;
      offsets[at++] = paragraph.end;
      offsets[at++] = paragraph.sentences.length;
      for (const sentence of paragraph.sentences) {
        offsets[at++] = sentence.start;
        offsets[at++] = sentence.end;
      }
    }
  }
  return { heads, offsets };
}

export function unpackSections({ heads, offsets }: PackedSections): Section[] {
  let at = 0;
  const next = (): number => {
    if (at >= offsets.length) throw new PackedSectionsError("This document's stored layout is cut short.");
    return offsets[at++] as number;
  };
  /** A count of entries that follow, each at least `width` offsets long. */
  const count = (width: number): number => {
    const n = next();
    if (n < 0 || n * width > offsets.length - at) throw new PackedSectionsError("This document's stored layout is damaged.");
    return n;
  };
  const sections = heads.map((head): Section => {
    const start = next();
    const end = next();
    const paragraphs: Paragraph[] = new Array<Paragraph>(count(3));
    for (let p = 0; p < paragraphs.length; p++) {
      const paragraphStart = next();
      const paragraphEnd = next();
      const sentences = new Array<{ start: number; end: number }>(count(2));
      for (let s = 0; s < sentences.length; s++) sentences[s] = { start: next(), end: next() };
      paragraphs[p] = { start: paragraphStart, end: paragraphEnd, sentences };
    }
    return { kind: head.kind, number: head.number, title: head.title, level: head.level, start, end, paragraphs };
  });
  if (at !== offsets.length) throw new PackedSectionsError("This document's stored layout has offsets left over.");
  return sections;
}
