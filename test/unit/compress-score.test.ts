// Pins scoring: BM25 math, round-one ranking with title fields, named titles, the second hop,
// and the question classifier.
import { describe, expect, it } from "vitest";
import { classifyIntent, defaultGranularity, findTitleMentions, planQuery } from "../../src/core/compress/analyse";
import { resolveConfig } from "../../src/core/compress/config";
import { expandHops, hopScore, mentionFactor } from "../../src/core/compress/hops";
import { indexPlainDocuments } from "../../src/core/compress/library";
import { blendPairs, maskCoverage, pairCoverage } from "../../src/core/compress/pairs";
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

describe("pair coverage", () => {
  const pairLibrary = indexPlainDocuments([
    { id: "film", title: "Night Harbour", text: "Night Harbour is a 2009 science fiction film. It stars Ola Brandt and others." },
    { id: "actor", title: "Ola Brandt", text: "Ola Brandt is an actor who played the detective Kurt Vall in the series Cold Coast." },
    { id: "show", title: "Cold Coast", text: "Cold Coast is a series about the detective Kurt Vall, played by an actor. Detective Kurt Vall returns each season; the actor who played detective Kurt Vall won praise." },
    { id: "other", title: "Dawn Harbour", text: "Dawn Harbour is a 2009 drama film." },
  ]);
  const question = "Which 2009 science fiction film stars the actor who played detective Kurt Vall?";

  it("measures the weighted share of question terms a mask holds", () => {
    expect(maskCoverage(0b11, [2, 1, 1], 4)).toBeCloseTo(0.75);
    expect(maskCoverage(0, [2, 1, 1], 4)).toBe(0);
    expect(maskCoverage(0b1, [1], 0)).toBe(0);
  });

  it("lifts both members of the linked pair that covers the question", () => {
    const plan = planQuery(pairLibrary, question);
    const round1 = scoreRound(pairLibrary, plan, config);
    const hop = expandHops(pairLibrary, normaliseByMax(round1.passage), config).scores;
    const pairs = pairCoverage(pairLibrary, plan, round1.mask, hop, config);
    const lifted = blendPairs(hop, pairs, config);
    const docOf = (p: number): string => pairLibrary.docs[pairLibrary.sectionDoc[pairLibrary.passageSection[p]!]!]!.id;
    expect(topIndices(hop, 2).map(docOf)).toContain("show");
    expect(topIndices(lifted, 2).map(docOf).sort()).toEqual(["actor", "film"]);
    expect(blendPairs(hop, pairs, { ...config, pairWeight: 0 })).toEqual(hop);
  });
});
