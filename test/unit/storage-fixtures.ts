// Shared fixtures for storage and library unit tests: fresh fake IndexedDB and small documents.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { closeFolioDatabase } from "../../src/adapters/storage/database";
import type { FolioDocument } from "../../src/core/text/types";

/** Gives each test an empty, separate IndexedDB and drops the cached connection. */
export async function freshIndexedDb(): Promise<void> {
  await closeFolioDatabase();
  globalThis.indexedDB = new IDBFactory();
}

/** A small, well-formed document of two pages. */
export function makeDocument(id: string, name = `${id}.pdf`, addedAt = 1_700_000_000_000): FolioDocument {
  const first = "First paragraph.";
  const second = "Second page text.";
  const text = `${first}\n\n${second}`;
  const secondStart = first.length + 2;
  return {
    id,
    name,
    format: "pdf",
    bytes: 1234,
    addedAt,
    stats: { pages: 2, sections: 2, characters: text.length, paragraphs: 2, sentences: 2, tokens: 8 },
    text,
    sections: [
      {
        kind: "page", number: 1, title: "Page 1", level: 0, start: 0, end: first.length,
        paragraphs: [{ start: 0, end: first.length, sentences: [{ start: 0, end: first.length }] }],
      },
      {
        kind: "page", number: 2, title: "Page 2", level: 0, start: secondStart, end: text.length,
        paragraphs: [{ start: secondStart, end: text.length, sentences: [{ start: secondStart, end: text.length }] }],
      },
    ],
  };
}
