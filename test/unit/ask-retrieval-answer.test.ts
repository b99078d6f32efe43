// Retrieval-only answers (the tiny passkey models): the value is read from "Answer: ...", Folio
// cites the evidence that holds it verbatim, and never overrides citations the model made itself.
import { describe, expect, it } from "vitest";
import type { StoredEvidence } from "../../src/adapters/storage/conversations-repository";
import { answerValue, attributeAnswer, isRetrievalOnly, retrievalPromptShell } from "../../src/features/ask/retrieval-answer";

const evidence = (citation: number, text: string): StoredEvidence => ({ citation, docId: "d", documentTitle: "almanac.md", label: "", start: 0, end: text.length, text });
const passages = [evidence(1, "The ferry sails at noon."), evidence(2, "Remember it. 48213 is the pass key."), evidence(3, "The pass key is 48213.")];

describe("retrieval-only answers", () => {
  it("only the tiny family is retrieval-only, and its prompt shell is the passage layout", () => {
    expect(isRetrievalOnly({ family: "folio-tiny" })).toBe(true);
    expect(isRetrievalOnly({ family: "qwen3" })).toBe(false);
    expect(retrievalPromptShell("What is the pass key?")).toBe("\nQuestion: What is the pass key?\n");
  });

  it.each([
    ["Answer: 48213", "48213"],
    ["answer:48213.", "48213"],
    ["  Answer :  Blue harbour ; ", "Blue harbour"],
    ["48213", "48213"],
  ])("reads the value of %j as %j", (answer, value) => {
    expect(answerValue(answer)).toBe(value);
  });

  it("cites every passage holding the value, up to the limit", () => {
    expect(attributeAnswer("Answer: 48213", passages)).toEqual({ answer: "Answer: 48213 [2][3]", added: [2, 3] });
    expect(attributeAnswer("Answer: 48213", passages, 1)).toEqual({ answer: "Answer: 48213 [2]", added: [2] });
  });

  it("adds nothing for a value no passage holds, a one-character value, or an answer that cites itself", () => {
    expect(attributeAnswer("Answer: 82888", passages)).toEqual({ answer: "Answer: 82888", added: [] });
    expect(attributeAnswer("Answer: 4", passages).added).toEqual([]);
    expect(attributeAnswer("Answer: 48213 [3]", passages)).toEqual({ answer: "Answer: 48213 [3]", added: [] });
    expect(attributeAnswer("Answer: 48213 [9]", passages).added).toEqual([]);
  });
});
