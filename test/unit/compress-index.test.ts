// Pins the index: postings per sentence, merging in library order, document frequencies, and
// serialisation round trips.
import { describe, expect, it } from "vitest";
import { deserializeIndex, indexPlainDocument, indexPlainDocuments, serializeIndex } from "../../src/core/compress/library";
import { mergeIndexes } from "../../src/core/compress/index-build";
import { stem } from "../../src/core/compress/terms";
import { LIBRARY } from "./compress-fixtures";

describe("document index", () => {
  it("records sentences, passages and term postings with frequencies", () => {
    const part = indexPlainDocument(LIBRARY[1]!);
    expect(part.passageFirst.length - 1).toBe(2);
    expect(part.sentenceStart.length).toBe(4);
    const t = part.terms.indexOf(stem("need"));
    const postings = Array.from(part.postingSentence.slice(part.postingFirst[t]!, part.postingFirst[t + 1]!));
    expect(postings).toEqual([0, 1]);
  });
});

describe("library index", () => {
  it("merges parts in order under one vocabulary", () => {
    const library = indexPlainDocuments(LIBRARY);
    expect(library.docs.map((d) => d.id)).toEqual(LIBRARY.map((d) => d.id));
    const windows = stem("windows");
    const id = library.derived.termId.get(windows)!;
    expect(library.passageDf[id]).toBe(2);
    const sentences = Array.from(library.postingSentence.slice(library.postingFirst[id]!, library.postingFirst[id + 1]!));
    expect(sentences).toEqual([...sentences].sort((a, b) => a - b));
    expect(new Set(sentences.map((s) => library.sectionDoc[library.passageSection[library.sentencePassage[s]!]!]))).toEqual(new Set([0, 2]));
  });

  it("gives the same index whether merged from per-document parts or built at once", () => {
    const parts = LIBRARY.map((doc) => indexPlainDocument(doc));
    const merged = mergeIndexes(parts);
    const direct = indexPlainDocuments(LIBRARY);
    expect(serializeIndex(merged)).toEqual(serializeIndex(direct));
  });

  it("round-trips through plain data, including structured clone", () => {
    const library = indexPlainDocuments(LIBRARY);
    const copy = deserializeIndex(structuredClone(serializeIndex(library)));
    expect(serializeIndex(copy)).toEqual(serializeIndex(library));
    expect(copy.derived.avgPassageTerms).toBeCloseTo(library.derived.avgPassageTerms);
  });

  it("refuses an index of another version with a named error", () => {
    const data = { ...serializeIndex(indexPlainDocuments(LIBRARY)), version: 99 };
    expect(() => deserializeIndex(data)).toThrow(expect.objectContaining({ name: "InvalidRequestError" }));
  });
});
