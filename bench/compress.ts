// Compression bench on HotpotQA haystacks: supporting-sentence and answer survival, compression
// ratio and latency for Folio's compressor against truncation and BM25 (minisearch) baselines.
// Flags: --limit N, --split dev|train|both, --sizes 32k,128k, --budgets 1024,2048,4096, --no-library.
import { compress } from "../src/core/compress/compress";
import { indexPlainDocuments } from "../src/core/compress/library";
import { qwen3Tokenizer } from "../src/adapters/tokenizer/qwen3";
import { bm25Order, buildBm25, fillInOrder, haystackTokens, type DocTokenCache } from "./hotpot-baselines";
import { buildHaystack, checkGold, countWords, loadSplit, paragraphPool, type HotpotQuestion } from "./hotpot-data";
import { emptyTally, ms, percent, quantile, table, type QualityTally } from "./bench-stats";
import { benchLibrary } from "./compress-library";

interface Flags {
  limit: number;
  splits: ("dev" | "train")[];
  sizes: number[];
  budgets: number[];
  library: boolean;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const split = value("--split") ?? "both";
  const sizes = (value("--sizes") ?? "32k,128k").split(",").map((s) => Math.round(parseFloat(s) * (/k$/i.test(s) ? 1024 : 1)));
  return {
    limit: Number(value("--limit") ?? Infinity),
    splits: split === "both" ? ["dev", "train"] : [split as "dev" | "train"],
    sizes,
    budgets: (value("--budgets") ?? "1024,2048,4096").split(",").map(Number),
    library: !argv.includes("--no-library"),
  };
}

const METHODS = ["folio", "bm25", "truncate"] as const;
type Method = (typeof METHODS)[number];

function record(tally: QualityTally, question: HotpotQuestion, context: string, contextTokens: number, haystack: number, queryMs: number): void {
  const gold = checkGold(question, context);
  tally.n++;
  tally.all += gold.allSupport ? 1 : 0;
  tally.share += gold.supportShare;
  if (gold.answer !== null) {
    tally.answerN++;
    tally.answer += gold.answer ? 1 : 0;
  }
  tally.ratio += haystack / Math.max(contextTokens, 1);
  if (question.type === "bridge") {
    tally.bridgeN++;
    tally.bridgeAll += gold.allSupport ? 1 : 0;
  } else {
    tally.comparisonN++;
    tally.comparisonAll += gold.allSupport ? 1 : 0;
  }
  tally.queryMs.push(queryMs);
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2));
  const tokenizer = qwen3Tokenizer();
  tokenizer.count("warm up");
  const questions = { dev: loadSplit("dev"), train: loadSplit("train") };
  const pool = paragraphPool([...questions.dev, ...questions.train]);
  const poolWords = pool.map((p) => countWords(p.sentences.join("")));
  const cache: DocTokenCache = new Map();
  const started = performance.now();
  const failures: string[] = [];

  for (const split of flags.splits) {
    for (const size of flags.sizes) {
      const tallies = new Map<string, QualityTally>();
      const tally = (method: Method, budget: number): QualityTally => {
        const key = `${method}|${budget}`;
        if (!tallies.has(key)) tallies.set(key, emptyTally());
        return tallies.get(key)!;
      };
      const indexMs: number[] = [];
      const bm25IndexMs: number[] = [];
      const docCounts: number[] = [];
      const haystackSizes: number[] = [];
      for (const question of questions[split].slice(0, flags.limit)) {
        const docs = buildHaystack(question, pool, poolWords, size);
        const haystack = haystackTokens(docs, tokenizer, cache);
        docCounts.push(docs.length);
        haystackSizes.push(haystack);
        let t = performance.now();
        const index = indexPlainDocuments(docs);
        indexMs.push(performance.now() - t);
        t = performance.now();
        const search = buildBm25(docs);
        bm25IndexMs.push(performance.now() - t);
        for (const budget of flags.budgets) {
          t = performance.now();
          const ours = compress(index, { query: question.question, budget }, tokenizer);
          const oursMs = performance.now() - t;
          if (ours.tokens > budget || tokenizer.count(ours.text) !== ours.tokens) throw new Error(`budget broken for ${question.id}`);
          record(tally("folio", budget), question, ours.text, ours.tokens, haystack, oursMs);
          if (budget === flags.budgets[0] && !checkGold(question, ours.text).allSupport) failures.push(`${split} ${size} ${question.type} ${question.id}`);
          t = performance.now();
          const ranked = fillInOrder(bm25Order(search, docs, question.question), budget, tokenizer, cache);
          record(tally("bm25", budget), question, ranked.text, ranked.tokens, haystack, performance.now() - t);
          const cut = fillInOrder(docs, budget, tokenizer, cache);
          record(tally("truncate", budget), question, cut.text, cut.tokens, haystack, 0);
        }
      }
      const rows: string[][] = [];
      for (const method of METHODS) {
        for (const budget of flags.budgets) {
          const q = tally(method, budget);
          rows.push([
            `${method} @${budget}`,
            percent(q.all, q.n),
            percent(q.bridgeAll, q.bridgeN),
            percent(q.comparisonAll, q.comparisonN),
            percent(q.share, q.n),
            percent(q.answer, q.answerN),
            `${(q.ratio / Math.max(q.n, 1)).toFixed(0)}x`,
            method === "truncate" ? "-" : `${ms(quantile(q.queryMs, 0.5))} / ${ms(quantile(q.queryMs, 0.9))}`,
          ]);
        }
      }
      const n = tally("folio", flags.budgets[0]!).n;
      process.stdout.write(
        `\n## ${split}, ${size / 1024}K-word haystacks: ${n} questions, median ${quantile(docCounts, 0.5)} documents, median ${Math.round(quantile(haystackSizes, 0.5))} Qwen3 tokens\n`,
      );
      process.stdout.write(`${table(["method @budget", "all SF", "bridge", "compar.", "mean SF", "answer", "ratio", "query ms p50 / p90"], rows)}\n`);
      process.stdout.write(
        `index build ms (p50 / p90): folio ${ms(quantile(indexMs, 0.5))} / ${ms(quantile(indexMs, 0.9))}; minisearch ${ms(quantile(bm25IndexMs, 0.5))} / ${ms(quantile(bm25IndexMs, 0.9))}\n`,
      );
      for (const budget of flags.budgets) {
        const both = indexMs.map((value, i) => value + tally("folio", budget).queryMs[i]!);
        process.stdout.write(`folio index + query @${budget} ms (p50 / p90): ${ms(quantile(both, 0.5))} / ${ms(quantile(both, 0.9))}\n`);
      }
    }
  }
  if (flags.library) benchLibrary(questions, pool, flags.budgets, Math.min(flags.limit, 100), tokenizer, cache);
  if (process.argv.includes("--failures")) process.stdout.write(`\nmisses at the first budget:\n${failures.join("\n")}\n`);
  process.stdout.write(`\nanswer = answer string survives (yes/no answers left out); SF = supporting sentences; ratio = haystack tokens / context tokens.\n`);
  process.stdout.write(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

main();
