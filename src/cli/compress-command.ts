// `folio compress --batch REQUESTS.jsonl [--out RESPONSES.jsonl]`: one compressed context per
// request line; a bad line gets an error line with its id and the rest go on.
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { compress } from "../core/compress/compress";
import { indexPlainDocuments, type PlainDocument } from "../core/compress/library";
import type { LibraryIndex } from "../core/compress/types";
import { qwen3Tokenizer } from "../adapters/tokenizer/qwen3";
import { FolioError, toFolioError } from "../lib/errors";

const USAGE = "usage: npm run folio -- compress --batch REQUESTS.jsonl [--out RESPONSES.jsonl]\n" +
  'request line: {"id","query","budget","documents":[{"id","title","text"}]} (budget in Qwen3 tokens)\n' +
  "exit status: 0 all lines answered, 2 some lines failed (see their error lines), 64 bad usage\n";

/** Indexes kept for repeated document sets (the same library asked several questions). */
const INDEX_CACHE_SIZE = 4;

interface BatchRequest {
  id: string;
  query: string;
  budget: number;
  documents: PlainDocument[];
}

function invalid(message: string): FolioError {
  return new FolioError("InvalidRequestError", message, "Fix this request line and run it again.");
}

/** Checks one parsed line's shape; the error names the bad field. */
export function parseRequestLine(value: unknown): BatchRequest {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid("A request line must be a JSON object.");
  const line = value as Record<string, unknown>;
  if (typeof line.id !== "string" || line.id === "") throw invalid('"id" must be a non-empty string.');
  if (typeof line.query !== "string" || line.query.trim() === "") throw invalid('"query" must be a non-empty string.');
  if (typeof line.budget !== "number" || !Number.isInteger(line.budget) || line.budget < 1) throw invalid('"budget" must be a positive whole number of Qwen3 tokens.');
  if (!Array.isArray(line.documents) || line.documents.length === 0) throw invalid('"documents" must be a non-empty array.');
  const documents = line.documents.map((doc: unknown, i: number): PlainDocument => {
    const d = doc as Record<string, unknown> | null;
    if (typeof d !== "object" || d === null || typeof d.id !== "string" || typeof d.text !== "string") {
      throw invalid(`"documents[${i}]" must have string "id" and "text".`);
    }
    if (d.title !== undefined && typeof d.title !== "string") throw invalid(`"documents[${i}].title" must be a string.`);
    return { id: d.id, title: typeof d.title === "string" ? d.title : d.id, text: d.text };
  });
  const ids = new Set(documents.map((doc) => doc.id));
  if (ids.size !== documents.length) throw invalid('"documents" ids must be unique.');
  return { id: line.id, query: line.query, budget: line.budget, documents };
}

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export async function runCompress(args: string[]): Promise<number> {
  const batch = flag(args, "--batch");
  const outPath = flag(args, "--out");
  if (!batch) {
    process.stderr.write(USAGE);
    return 64;
  }
  let input: string;
  try {
    input = await readFile(batch, "utf8");
  } catch (error) {
    process.stderr.write(`error InvalidRequestError: cannot read ${batch} (${error instanceof Error ? error.message : String(error)})\n`);
    return 64;
  }
  const out = outPath ? createWriteStream(outPath) : process.stdout;
  const tokenizer = qwen3Tokenizer();
  const cache = new Map<string, LibraryIndex>();
  let failed = 0;
  let answered = 0;
  for (const raw of input.split("\n")) {
    if (raw.trim() === "") continue;
    let id: unknown = null;
    let response: unknown;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw invalid("The line is not valid JSON.");
      }
      id = (parsed as { id?: unknown } | null)?.id ?? null;
      const request = parseRequestLine(parsed);
      const key = JSON.stringify(request.documents);
      let index = cache.get(key);
      if (!index) {
        index = indexPlainDocuments(request.documents);
        if (cache.size >= INDEX_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(key, index);
      }
      const result = compress(index, { query: request.query, budget: request.budget }, tokenizer);
      response = { id: request.id, text: result.text, tokens: result.tokens, spans: result.spans.map(({ doc, start, end }) => ({ doc, start, end })) };
      answered++;
    } catch (error) {
      const folio = toFolioError(error);
      response = { id, error: { name: folio.name, message: folio.message } };
      failed++;
    }
    out.write(`${JSON.stringify(response)}\n`);
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
  process.stderr.write(`compress: ${answered} answered, ${failed} failed\n`);
  return failed === 0 ? 0 : 2;
}
