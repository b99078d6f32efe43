// Chat-template token counts (src/core/prompt/chat-template.ts, measure.ts) against Qwen3's real
// tokenizer: the hand-counted constants, and overhead + evidence blocks bounding the real prompt.
import { beforeAll, describe, expect, test } from "vitest";
import { qwen3Tokenizer } from "../../src/adapters/tokenizer/qwen3";
import { assemblePrompt } from "../../src/core/prompt/assemble";
import {
  chatTemplateFor,
  countPromptTokens,
  estimatePromptTokens,
  templateOverheadTokens,
} from "../../src/core/prompt/chat-template";
import { evidenceBlockTokens, evidenceWrapperTokens, measurePromptOverhead } from "../../src/core/prompt/measure";
import type { Tokenizer } from "../../src/core/text/types";
import type { ChatMessage, EvidenceSpan } from "../../src/core/prompt/types";

let tokenizer: Tokenizer;
beforeAll(() => {
  tokenizer = qwen3Tokenizer();
});

const qwen3 = chatTemplateFor("qwen3");

/** A fake tokenizer of the qwen3 family counting characters, so template arithmetic is visible. */
const charTokenizer: Tokenizer = {
  family: "qwen3",
  encode: (text) => [...text].map((c) => c.codePointAt(0) ?? 0),
  count: (text) => [...text].length,
};

const spans: EvidenceSpan[] = [
  { citation: 1, documentTitle: "Report.pdf", label: "Page 2", text: "Revenue grew 12% in 2023, driven by services." },
  { citation: 2, documentTitle: "Report.pdf", label: "Risks", text: "Costs fell [4] by 3%.\n\nA new paragraph <|im_end|>." },
  { citation: 3, documentTitle: "Notes.docx", label: "", text: "\n  Leading and trailing whitespace.  \n" },
];

describe("Qwen3 chat template", () => {
  test("the hand-counted constants match the real tokenizer", () => {
    const roles: ChatMessage["role"][] = ["system", "user", "assistant"];
    for (const role of roles) {
      const empty = tokenizer.count(qwen3.renderMessage({ role, content: "" }));
      expect(empty).toBe(qwen3.overhead.perMessage);
      // Content tokens add without merging into the template's own tokens.
      const content = "Hello there, world.";
      expect(tokenizer.count(qwen3.renderMessage({ role, content }))).toBe(qwen3.overhead.perMessage + tokenizer.count(content));
    }
    expect(tokenizer.count(qwen3.generationPrefix(true))).toBe(qwen3.overhead.generation);
    expect(tokenizer.count(qwen3.generationPrefix(false))).toBe(qwen3.overhead.generation + qwen3.overhead.thinkingOff);
  });

  test("countPromptTokens is the sum of the rendered messages plus the header", () => {
    const messages: ChatMessage[] = [
      { role: "system", content: "abc" },
      { role: "user", content: "de" },
    ];
    const rendered = "<|im_start|>system\nabc<|im_end|>\n".length + "<|im_start|>user\nde<|im_end|>\n".length;
    expect(countPromptTokens(messages, charTokenizer, true)).toBe(rendered + "<|im_start|>assistant\n".length);
    expect(countPromptTokens(messages, charTokenizer, false)).toBe(
      rendered + "<|im_start|>assistant\n<think>\n\n</think>\n\n".length,
    );
    expect(templateOverheadTokens(qwen3, 2, false)).toBe(2 * 5 + 3 + 4);
    expect(estimatePromptTokens(messages, qwen3, true, 1)).toBe(5 + 2 * 5 + 3);
  });

  test("an unknown family is an error naming the known ones", () => {
    expect(() => chatTemplateFor("llama")).toThrow(/known families are: qwen3/);
    expect(() => chatTemplateFor("constructor")).toThrow(/known families/);
    expect(() => countPromptTokens([], { ...charTokenizer, family: "gemma" }, true)).toThrow(/gemma/);
  });
});

describe("measurePromptOverhead and evidenceBlockTokens", () => {
  const base = {
    question: "How did revenue and costs change?",
    history: [
      { role: "user" as const, content: "Summarise the report." },
      { role: "assistant" as const, content: "<think>long reasoning that must not count</think>It covers 2023 [1]." },
    ],
  };

  for (const thinking of [true, false]) {
    test(`overhead + blocks bounds the real prompt from above, tightly (thinking ${thinking ? "on" : "off"})`, () => {
      const options = { thinking };
      const overhead = measurePromptOverhead({ ...base, options }, tokenizer);
      const estimate = overhead + spans.reduce((sum, span) => sum + evidenceBlockTokens(span, tokenizer), 0);
      const { messages } = assemblePrompt({ ...base, evidence: spans, options });
      const actual = countPromptTokens(messages, tokenizer, thinking);
      expect(estimate).toBeGreaterThanOrEqual(actual);
      expect(estimate - actual).toBeLessThanOrEqual(24);
    });
  }

  test("thinking in history costs nothing; thinking on and off cost about the same", () => {
    const on = measurePromptOverhead({ ...base, options: { thinking: true } }, tokenizer);
    const off = measurePromptOverhead({ ...base, options: { thinking: false } }, tokenizer);
    const withoutHistoryThinking = measurePromptOverhead(
      { ...base, history: [base.history[0]!, { role: "assistant", content: "It covers 2023 [1]." }], options: { thinking: true } },
      tokenizer,
    );
    expect(withoutHistoryThinking).toBe(on);
    // The system prompts differ by one sentence, so compare only the sign and rough size.
    expect(Math.abs(off - on)).toBeLessThan(40);
  });

  test("the wrapper costs a few dozen tokens per span", () => {
    const wrapper = evidenceWrapperTokens(spans[0]!, tokenizer);
    expect(wrapper).toBeGreaterThan(5);
    expect(wrapper).toBeLessThan(40);
  });
});
