// The streaming <think> parser (src/core/prompt/thinking.ts): tags split at every position, replies
// with no block, an unterminated block, and stripping thinking from history.
import { describe, expect, test } from "vitest";
import { splitThinking, stripThinking, ThinkingParser, type ThinkingState } from "../../src/core/prompt/thinking";

/** Feeds `text` in the given chunks, checking every intermediate state is a prefix of the final one. */
function streamChunks(chunks: string[]): ThinkingState {
  const parser = new ThinkingParser();
  const states = chunks.map((chunk) => parser.push(chunk));
  const final = parser.finish();
  for (const state of states) {
    expect(final.thinking.startsWith(state.thinking)).toBe(true);
    expect(final.answer.startsWith(state.answer)).toBe(true);
  }
  return final;
}

const REPLY = "<think>\nThe report says 12% [1].\n</think>\n\nRevenue grew 12% [1].";

describe("ThinkingParser", () => {
  test("splits a whole reply", () => {
    const state = splitThinking(REPLY);
    expect(state).toEqual({
      thinking: "The report says 12% [1].",
      answer: "Revenue grew 12% [1].",
      phase: "answer",
      hasThinking: true,
      thinkingClosed: true,
      done: true,
    });
  });

  test("gives the same result for every split into two chunks", () => {
    const whole = splitThinking(REPLY);
    for (let i = 0; i <= REPLY.length; i++) {
      expect(streamChunks([REPLY.slice(0, i), REPLY.slice(i)])).toEqual(whole);
    }
  });

  test("gives the same result for every split into three chunks and one character at a time", () => {
    const whole = splitThinking(REPLY);
    for (let i = 0; i <= REPLY.length; i += 3) {
      for (let j = i; j <= REPLY.length; j += 2) {
        expect(streamChunks([REPLY.slice(0, i), REPLY.slice(i, j), REPLY.slice(j)])).toEqual(whole);
      }
    }
    expect(streamChunks([...REPLY])).toEqual(whole);
  });

  test("never shows a partial closing tag as thinking", () => {
    const parser = new ThinkingParser();
    parser.push("<think>abc</th");
    expect(parser.state.thinking).toBe("abc");
    expect(parser.state.phase).toBe("thinking");
    parser.push("ink>done");
    expect(parser.state).toMatchObject({ thinking: "abc", answer: "done", phase: "answer" });
  });

  test("waits while the reply might still open a think block", () => {
    const parser = new ThinkingParser();
    expect(parser.push("\n  <th")).toMatchObject({ phase: "pending", thinking: "", answer: "" });
    expect(parser.push("ink>x")).toMatchObject({ phase: "thinking", thinking: "x" });
  });

  test("a reply without a think block is all answer, even one starting with '<'", () => {
    expect(splitThinking("The answer is 4 [2].")).toMatchObject({ thinking: "", answer: "The answer is 4 [2].", hasThinking: false });
    expect(streamChunks(["<", "b>bold</b>"])).toMatchObject({ answer: "<b>bold</b>", hasThinking: false });
    expect(streamChunks(["<thi"])).toMatchObject({ answer: "<thi", phase: "answer" });
  });

  test("an unterminated block (stopped mid-thought) keeps the thinking and an empty answer", () => {
    const state = streamChunks(["<think>Let me check page 4", "</thi"]);
    expect(state).toMatchObject({ thinking: "Let me check page 4</thi", answer: "", thinkingClosed: false, hasThinking: true });
  });

  test("an empty reply and an empty think block", () => {
    expect(streamChunks([])).toMatchObject({ thinking: "", answer: "", phase: "answer", done: true });
    expect(splitThinking("<think>\n\n</think>\n\nShort answer.")).toMatchObject({ thinking: "", answer: "Short answer.", thinkingClosed: true });
  });

  test("a block the prompt opened ends at </think>", () => {
    const state = splitThinking("reasoning here</think>answer", { startsInThinking: true });
    expect(state).toMatchObject({ thinking: "reasoning here", answer: "answer" });
  });

  test("a second <think> inside the answer stays text", () => {
    expect(splitThinking("<think>a</think>b <think> c").answer).toBe("b <think> c");
  });

  test("refuses chunks after finish", () => {
    const parser = new ThinkingParser();
    parser.finish();
    expect(() => parser.push("x")).toThrow(/after finish/);
  });
});

describe("stripThinking", () => {
  test.each([
    [REPLY, "Revenue grew 12% [1]."],
    ["No thinking at all.", "No thinking at all."],
    ["<think>stopped mid-thought", ""],
    ["Answer <think>late thought", "Answer"],
    ["<think>a</think>One <think>b</think>two", "One two"],
    ["opened by the prompt</think>\n\nAnswer", "Answer"],
    ["", ""],
  ])("%j -> %j", (input, expected) => {
    expect(stripThinking(input)).toBe(expected);
  });
});
