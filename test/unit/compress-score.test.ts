// Pins scoring: BM25 math, round-one ranking with title fields, named titles, the second hop,
// and the question classifier.
import { describe, expect, it } from "vitest";
import { classifyIntent, defaultGranularity, findTitleMentions, planQuery } from "../../src/core/compress/analyse";
import { resolveConfig } from "../../src/core/compress/config";
import { expandHops, hopScore, mentionFactor } from "../../src/core/compress/hops";
import { indexPlainDocuments } from "../../src/core/compress/library";
import { scoreRound, topIndices } from "../../src/core/compress/score";
import { bm25Idf, bm25Saturation, normaliseByMax } from "../../src/core/compress/score-math";
import { wordTokens } from "../../src/core/compress/terms";
import { LIBRARY } from "./compress-fixtures";

const config = resolveConfig();
const library = indexPlainDocuments(LIBRARY);
const docOfPassage = (p: number): string => library.docs[library.sectionDoc[library.passageSection[p]!]!]!.id;

describe("bm25 math", () => {
  it("rarer terms weigh more; idf stays positive", () => {
    expect(bm25Idf(100, 1)).toBeGreaterThan(bm25Idf(100, 50));
    expect(bm25Idf(100, 100)).toBeGreaterThan(0);
  });

  it("saturates with frequency and penalises long units", () => {
    expect(bm25Saturation(2, 10, 10, 1.2, 0.75)).toBeGreaterThan(bm25Saturation(1, 10, 10, 1.2, 0.75));
    expect(bm25Saturation(100, 10, 10, 1.2, 0.75)).toBeLessThan(2.2);
    expect(bm25Saturation(1, 40, 10, 1.2, 0.75)).toBeLessThan(bm25Saturation(1, 10, 10, 1.2, 0.75));
    expect(bm25Saturation(0, 10, 10, 1.2, 0.75)).toBe(0);
  });

  it("normalises by the maximum", () => {
    expect(Array.from(normaliseByMax(Float64Array.from([1, 4, 2])))).toEqual([0.25, 1, 0.5]);
  });

  it("keeps the k best indices, best first", () => {
    expect(topIndices(Float64Array.from([0.1, 0.9, 0, 0.5, 0.7]), 3)).toEqual([1, 4, 3]);
  });
});

describe("round one", () => {
  it("ranks the passage that answers the question first", () => {
    const plan = planQuery(library, "Where did the band Tinted Windows give its first performance?");
    const { passage } = scoreRound(library, plan, config);
    expect(docOfPassage(topIndices(passage, 1)[0]!)).toBe("band");
  });

  it("finds titles named in a question, strongest mention kept", () => {
    const mentions = findTitleMentions(library, wordTokens("Who directed Silent Lake?").map((t) => t.word));
    expect([...mentions.keys()].map((s) => library.docs[library.sectionDoc[s]!]!.id)).toEqual(["film"]);
  });
});

describe("second hop", () => {
  it("lifts the document an entity in the best passage is titled after", () => {
    const plan = planQuery(library, "Where was the director of Silent Lake born?");
    const round1 = normaliseByMax(scoreRound(library, plan, config).passage);
    const { scores } = expandHops(library, round1, config);
    const director = library.passageSection.findIndex((s) => library.docs[library.sectionDoc[s]!]!.id === "director");
    expect(scores[director]!).toBeGreaterThanOrEqual(round1[director]!);
    expect(docOfPassage(topIndices(scores, 2)[1]!)).toBe("director");
  });

  it("passes on a share of the seed's score by title strength", () => {
    expect(mentionFactor(4.5)).toBeCloseTo(0.5);
    expect(mentionFactor(20)).toBe(1);
    expect(hopScore(1, 1, 0, 0.8)).toBeCloseTo(0.8);
    expect(hopScore(1, 0, 1, 0.8)).toBeCloseTo(0.2);
  });
});

describe("classifier", () => {
  it("tells factoid, comparison and coverage questions apart", () => {
    expect(classifyIntent("Where was Jane Holm born?")).toBe("factoid");
    expect(classifyIntent("Which film came out first, Silent Lake or Heat?")).toBe("comparison");
    expect(classifyIntent("Summarise the gardening advice")).toBe("coverage");
    expect(defaultGranularity("coverage")).toBe("paragraph");
    expect(defaultGranularity("factoid")).toBe("sentence");
  });
});
