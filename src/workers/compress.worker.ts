// Compress worker: indexes its window of documents, and answers questions over a loaded library.
import { compress } from "../core/compress/compress";
import { deserializeIndex, indexPlainDocument } from "../core/compress/library";
import type { LibraryIndex } from "../core/compress/types";
import type { CompressMethods } from "../adapters/compress/protocol";
import { qwen3Tokenizer } from "../adapters/tokenizer/qwen3";
import { FolioError } from "../lib/errors";
import { cancelledError, serveRpc, type MessagePortLike } from "../lib/rpc";

let library: LibraryIndex | null = null;
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
    library = deserializeIndex(index);
    return { documents: library.docs.length };
  },
  async compress({ request, config }) {
    if (!library) throw new FolioError("InvalidRequestError", "No library is loaded in the compress worker.", "Index the documents before asking.");
    return compress(library, request, qwen3Tokenizer(), config);
  },
});
