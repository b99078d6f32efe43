// `folio ingest FILE... [--json] [--password PW]`: the app's ingestion path on local files.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { ingestBytes } from "../adapters/ingest/ingest";
import { checkFileSize } from "../adapters/ingest/ingest-errors";
import { loadPdfjsNode } from "../adapters/pdf/pdfjs-node";
import type { FolioDocument } from "../core/text/types";
import { FolioError, toFolioError } from "../lib/errors";

const USAGE = "usage: npm run folio -- ingest FILE... [--json] [--password PW]";

interface IngestArgs {
  files: string[];
  json: boolean;
  password?: string;
}

function parseArgs(args: string[]): IngestArgs | string {
  const parsed: IngestArgs = { files: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") parsed.json = true;
    else if (arg === "--password") {
      const value = args[++i];
      if (value === undefined) return "--password needs a value";
      parsed.password = value;
    } else if (arg.startsWith("--password=")) parsed.password = arg.slice("--password=".length);
    else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else parsed.files.push(arg);
  }
  return parsed.files.length > 0 ? parsed : "no FILE given";
}

/** Reads a file from disk, checking its size before reading it. */
async function ingestPath(path: string, password: string | undefined): Promise<FolioDocument> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error("not a regular file");
    size = info.size;
  } catch (error) {
    throw new FolioError("InvalidRequestError", `Cannot read "${path}" (${error instanceof Error ? error.message : String(error)}).`, "Check the path and try again.");
  }
  checkFileSize(name, size);
  const buffer = await readFile(path);
  const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  const type = "";
  return ingestBytes({ id: path, name, type, bytes, password }, { loadPdfjs: loadPdfjsNode });
}

function summary(document: FolioDocument): string {
  const { stats } = document;
  return [
    document.name,
    document.format,
    `pages=${stats.pages}`,
    `sections=${stats.sections}`,
    `characters=${stats.characters}`,
    `paragraphs=${stats.paragraphs}`,
    `sentences=${stats.sentences}`,
    `tokens=${stats.tokens}`,
  ].join("  ");
}

/** Prints one line per file (JSON with --json); exit status 2 if any file failed, 0 otherwise. */
export async function runIngest(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    process.stderr.write(`${parsed}\n${USAGE}\n`);
    return 64;
  }
  let failed = 0;
  for (const path of parsed.files) {
    try {
      const document = await ingestPath(path, parsed.password);
      process.stdout.write(`${parsed.json ? JSON.stringify(document) : summary(document)}\n`);
    } catch (error) {
      failed++;
      const named = toFolioError(error);
      process.stderr.write(`error ${named.name}: ${named.message} ${named.hint}\n`);
    }
  }
  return failed > 0 ? 2 : 0;
}
