// Pins term extraction: folding, stemming, stop words, and the allocation-free word scanner.
import { describe, expect, it } from "vitest";
import { contentTerms, foldWord, forEachWord, stem, termOfRaw, titleWords, wordTokens } from "../../src/core/compress/terms";

describe("terms", () => {
  it("folds case and accents", () => {
    expect(foldWord("Beyoncé")).toBe("beyonce");
    expect(foldWord("ASCII")).toBe("ascii");
  });

  it("stems plurals, -ing, -ed and possessives to shared forms", () => {
    expect(stem("films")).toBe(stem("film"));
    expect(stem("directed")).toBe(stem("direct"));
    expect(stem("playing")).toBe(stem("played"));
    expect(stem("studies")).toBe(stem("study"));
    expect(stem("nolan's")).toBe(stem("nolan"));
    expect(stem("1984")).toBe("1984");
  });

  it("drops stop words and keeps content terms in order", () => {
    expect(contentTerms("What year did the film come out?")).toEqual(["year", "film", "come"]);
  });

  it("gives offsets into the source text", () => {
    const text = "  Hello, world's end";
    const tokens = wordTokens(text, 10);
    expect(tokens.map((t) => t.word)).toEqual(["hello", "world's", "end"]);
    expect(text.slice(tokens[1]!.start - 10, tokens[1]!.end - 10)).toBe("world's");
  });

  it("scans the same words as wordTokens, unfolded", () => {
    const text = "Jörgen Smit (born 1916) wasn't — in São Paulo's 2nd café.";
    const seen: string[] = [];
    forEachWord(text, 0, text.length, (raw) => seen.push(foldWord(raw)));
    expect(seen).toEqual(wordTokens(text).map((t) => t.word));
  });

  it("memoises raw words to terms, stop words to null", () => {
    expect(termOfRaw("The")).toBeNull();
    expect(termOfRaw("Windows")).toBe(stem("windows"));
  });

  it("strips a trailing disambiguation from titles", () => {
    expect(titleWords("Tinted Windows (band)")).toEqual(["tinted", "windows"]);
    expect(titleWords("(band)")).toEqual(["band"]);
  });
});
