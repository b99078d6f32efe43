// The already-indexed library case: about 1M Qwen3 tokens indexed once, then new questions timed.
import { compress } from "../src/core/compress/compress";
import { indexPlainDocuments } from "../src/core/compress/library";
import type { Tokenizer } from "../src/core/text/types";
import { haystackTokens, type DocTokenCache } from "./hotpot-baselines";
import { checkGold, paragraphDoc, type HaystackDoc, type HotpotQuestion, type Paragraph } from "./hotpot-data";
import { ms, percent, quantile, table } from "./bench-stats";

const LIBRARY_TOKENS = 1_000_000;

/**
 * Every pool paragraph once, then copies (titled "... [copy k]") until the library reaches
 * 1M tokens: the pool of both splits holds fewer distinct paragraphs than that.
 */
export function libraryDocs(pool: readonly Paragraph[], tokenizer: Tokenizer, cache: DocTokenCache): HaystackDoc[] {
  const docs: HaystackDoc[] = [];
  let tokens = 0;
  for (let copy = 1; tokens < LIBRARY_TOKENS; copy++) {
    for (const paragraph of pool) {
      if (tokens >= LIBRARY_TOKENS) break;
      const title = copy === 1 ? paragraph.title : `${paragraph.title} [copy ${copy}]`;
      const doc = paragraphDoc({ title, sentences: paragraph.sentences }, `lib${docs.length}`);
      docs.push(doc);
      tokens += haystackTokens([doc], tokenizer, cache);
    }
  }
  return docs;
}

export function benchLibrary(
  questions: { dev: HotpotQuestion[]; train: HotpotQuestion[] },
  pool: readonly Paragraph[],
  budgets: readonly number[],
  limit: number,
  tokenizer: Tokenizer,
  cache: DocTokenCache,
): void {
  const docs = libraryDocs(pool, tokenizer, cache);
  const t = performance.now();
  const index = indexPlainDocuments(docs);
  const buildMs = performance.now() - t;
  const rows: string[][] = [];
  for (const split of ["dev", "train"] as const) {
    for (const budget of budgets) {
      const times: number[] = [];
      let all = 0;
      const asked = questions[split].slice(0, limit);
      for (const question of asked) {
        const start = performance.now();
        const result = compress(index, { query: question.question, budget }, tokenizer);
        times.push(performance.now() - start);
        all += checkGold(question, result.text).allSupport ? 1 : 0;
      }
      rows.push([`${split} @${budget}`, String(asked.length), percent(all, asked.length), `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.9))}`]);
    }
  }
  process.stdout.write(
    `\n## Already-indexed library: ${docs.length} documents, ${haystackTokens(docs, tokenizer, cache)} Qwen3 tokens (pool of both splits, then copies); index built once in ${ms(buildMs)} ms\n`,
  );
  process.stdout.write(`${table(["questions @budget", "n", "all SF", "query ms p50 / p90"], rows)}\n`);
}
