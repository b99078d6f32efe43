// Compress worker: indexes windows or stored documents, holds a library, and answers questions.
import { compress } from "../core/compress/compress";
import { deserializeIndex, indexPlainDocument } from "../core/compress/library";
import type { CompressMethods } from "../adapters/compress/protocol";
import { StoredLibrary } from "../adapters/compress/stored-library";
import { normalizeWhitespace } from "../core/text/segment";
import { qwen3Tokenizer } from "../adapters/tokenizer/qwen3";
import { FolioError } from "../lib/errors";
import { cancelledError, serveRpc, type MessagePortLike } from "../lib/rpc";

const stored = new StoredLibrary();
const port = self as unknown as MessagePortLike;

serveRpc<CompressMethods>(port, {
  async indexWindow({ docs }, { progress, signal }) {
    const parts = [];
    for (const doc of docs) {
      if (signal.aborted) throw cancelledError();
      parts.push(indexPlainDocument(doc));
      if (parts.length % 64 === 0) progress({ done: parts.length, total: docs.length });
    }
    progress({ done: docs.length, total: docs.length });
    return parts;
  },
  async loadLibrary({ index }) {
    stored.adopt(deserializeIndex(index));
    return { documents: index.docs.length };
  },
  async compress({ request, config }) {
    if (!stored.library) throw new FolioError("InvalidRequestError", "No library is loaded in the compress worker.", "Index the documents before asking.");
    const library = stored.library;
    const result = compress(library, request, qwen3Tokenizer(), config);
    const textOf = new Map(library.docs.map((doc) => [doc.id, doc.text]));
    return { ...result, spanTexts: result.spans.map((span) => normalizeWhitespace(textOf.get(span.doc)!.slice(span.start, span.end))) };
  },
  async indexStored({ ids }) {
    const buildMs: number[] = [];
    for (const id of ids) buildMs.push((await stored.build(id)).ms);
    return { buildMs };
  },
  useStoredLibrary: ({ ids, allIds }, { progress, signal }) => stored.use(ids, allIds, { signal, onProgress: progress }),
  async countTokens({ texts }) {
    const tokenizer = qwen3Tokenizer();
    return texts.map((text) => tokenizer.count(text));
  },
});
