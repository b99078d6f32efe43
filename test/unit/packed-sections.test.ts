// Packed sections: a built document's sections survive packing exactly, empty pages and sections
// included, and damaged offsets are a DamagedFileError rather than a crash or a wrong document.
import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/core/text/build-document";
import { packSections, unpackSections } from "../../src/core/text/packed-sections";

const content = buildDocument({
  units: [
    { kind: "section", number: 1, title: "Intro", level: 1, paragraphs: ["Intro", "The ferry leaves at nine. It returns at six.", "Tickets are sold on board."] },
    { kind: "section", number: 2, title: "Empty", level: 2, paragraphs: [] },
    { kind: "page", number: 3, title: "Page 3", level: 0, paragraphs: ["One sentence only"] },
  ],
});

describe("packed sections", () => {
  it("round-trip every section, paragraph and sentence offset, and the section labels", () => {
    const packed = packSections(content.sections);
    expect(packed.offsets).toBeInstanceOf(Int32Array);
    expect(content.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences)).length).toBeGreaterThan(3);
    expect(unpackSections(packed)).toEqual(content.sections);
  });

  it("packs no sections to an empty array", () => {
    expect(unpackSections(packSections([]))).toEqual([]);
  });

  it.each([
    ["cut short", (o: Int32Array) => o.slice(0, o.length - 1)],
    ["with offsets left over", (o: Int32Array) => Int32Array.from([...o, 7])],
    ["with a negative count", (o: Int32Array) => Int32Array.from(o, (v, i) => (i === 2 ? -1 : v))],
    ["with a count larger than what follows", (o: Int32Array) => Int32Array.from(o, (v, i) => (i === 2 ? 1e9 : v))],
  ])("damaged offsets (%s) are a DamagedFileError", (_label, damage) => {
    const packed = packSections(content.sections);
    expect(() => unpackSections({ ...packed, offsets: damage(packed.offsets) })).toThrow(expect.objectContaining({ name: "DamagedFileError", hint: expect.stringMatching(/add the file again/) }));
  });
});
