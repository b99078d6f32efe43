// The chat -> tiny-model prompt mapping (src/adapters/llm/tiny-prompt.ts): Ask's messages become
// exactly the training layout of src/core/rl/tasks/evidence-passkey.ts.
import { describe, expect, test } from "vitest";
import { chatToTinyPrompt, foldToAscii, splitUserMessage } from "../../src/adapters/llm/tiny-prompt";
import { assemblePrompt } from "../../src/core/prompt/assemble";
import type { EvidenceSpan } from "../../src/core/prompt/types";
import { createCharTokenizer } from "../../src/core/rl/char-tokenizer";
import { evidencePasskeyTask, tinyPassageLayout } from "../../src/core/rl/tasks/evidence-passkey";

const span = (citation: number, text: string): EvidenceSpan => ({ citation, documentTitle: "Passkey story.txt", label: `Page ${citation}`, text });

describe("chatToTinyPrompt", () => {
  test("Ask's messages become context + question in the training layout", () => {
    const { messages } = assemblePrompt({
      question: "What is the pass key?",
      evidence: [span(1, "The sky is blue. The pass key is 48213. Remember it."), span(2, "Here we go.")],
      history: [{ role: "user", content: "Hello" }, { role: "assistant", content: "Hi." }],
      options: { thinking: false },
    });
    const out = chatToTinyPrompt(messages, 256);
    expect(out.prompt).toBe("The sky is blue. The pass key is 48213. Remember it.\nHere we go.\nQuestion: What is the pass key?\n");
    expect(out.prompt).toBe(tinyPassageLayout(out.context, out.question));
    expect(out).toMatchObject({ evidenceBlocks: 2, truncated: false });
  });

  test("the mapped prompt of a task example's own text is that example's prompt", () => {
    const tokenizer = createCharTokenizer();
    for (let seed = 0; seed < 20; seed++) {
      const ex = evidencePasskeyTask({ seed, difficulty: 0.5, contextTokens: 256, tokenizer });
      const [context, question] = ex.prompt.replace(/\n$/, "").split("\nQuestion: ") as [string, string];
      // Ask puts each block's text on its own; a single block keeps the context's spaces and elisions.
      const blocks = context.split("\n").map((text, i) => span(i + 1, text));
      const { messages } = assemblePrompt({ question, evidence: blocks, options: { thinking: true } });
      expect(chatToTinyPrompt(messages, 256).prompt).toBe(ex.prompt);
    }
  });

  test("section headers, source lines and non-ASCII text are cleaned", () => {
    const { messages } = assemblePrompt({
      question: "What’s the pass key?",
      evidence: [span(3, "[Passkey story, p. 2]\nThe grass is green … The pass key is 7\u00a0123 — café.")],
      options: { thinking: false },
    });
    const out = chatToTinyPrompt(messages, 256);
    expect(out.context).toBe("The grass is green ... The pass key is 7 123 - cafe.");
    expect(out.question).toBe("What's the pass key?");
    expect(foldToAscii("“quoted” ‘x’ \u2026")).toBe("\"quoted\" 'x' ...");
  });

  test("too much evidence keeps the sentences that share the question's words, in order", () => {
    const filler = Array.from({ length: 30 }, (_, i) => `Filler sentence number ${i} about the weather.`).join(" ");
    const { messages } = assemblePrompt({
      question: "What is the pass key?",
      evidence: [span(1, `${filler} The pass key is 55555. Remember it. ${filler}`)],
      options: { thinking: false },
    });
    const out = chatToTinyPrompt(messages, 160);
    expect(out.truncated).toBe(true);
    expect(out.prompt.length).toBeLessThanOrEqual(160);
    expect(out.context).toContain("The pass key is 55555.");
    expect(out.prompt.endsWith("\nQuestion: What is the pass key?\n")).toBe(true);
  });

  test("free text without evidence blocks, and errors", () => {
    expect(splitUserMessage("The pass key is 12345.\nQuestion: What is the pass key?")).toEqual({
      blocks: ["The pass key is 12345."],
      question: "What is the pass key?",
    });
    expect(splitUserMessage("What is the pass key?")).toEqual({ blocks: [], question: "What is the pass key?" });
    expect(() => chatToTinyPrompt([{ role: "system", content: "rules" }], 256)).toThrow(expect.objectContaining({ name: "InvalidRequestError" }));
    expect(() => chatToTinyPrompt([{ role: "user", content: `Question: ${"why ".repeat(100)}` }], 256)).toThrow(
      expect.objectContaining({ name: "ContextWindowExceededError" }),
    );
  });
});
