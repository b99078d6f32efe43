// Ingest-and-store, as the ingest worker runs it: the document is saved whole and only its meta is
// returned; a cancel before the save stores nothing, one during the save is reported as stored; and
// a client call waits for the worker's own answer when asked to (rpc settleOnCancel).
import { beforeEach, describe, expect, it } from "vitest";
import { ingestAndStoreBytes } from "../../src/adapters/ingest/ingest-store";
import type { IngestRequest } from "../../src/adapters/ingest/protocol";
import { loadPdfjsNode } from "../../src/adapters/pdf/pdfjs-node";
import * as repository from "../../src/adapters/storage/documents-repository";
import type { Tokenizer } from "../../src/core/text/types";
import { FolioError } from "../../src/lib/errors";
import { createRpcClient, serveRpc, type MessagePortLike } from "../../src/lib/rpc";
import { freshIndexedDb } from "./storage-fixtures";

beforeEach(freshIndexedDb);

const characters: Tokenizer = { family: "test", encode: (text) => Array.from(text, (c) => c.codePointAt(0) ?? 0), count: (text) => text.length };

function request(id: string, text: string): IngestRequest {
  return { id, name: `${id}.txt`, type: "text/plain", bytes: new TextEncoder().encode(text).buffer };
}

const options = { loadPdfjs: loadPdfjsNode, tokenizer: () => characters, now: () => 42 };

describe("ingestAndStoreBytes", () => {
  it("stores meta and content together and returns only the meta", async () => {
    const stages: string[] = [];
    const meta = await ingestAndStoreBytes(request("a", "One. Two.\n\nThree."), { ...options, onProgress: ({ stage }) => stages.push(stage) });
    expect(Object.keys(meta).sort()).toEqual(["addedAt", "bytes", "format", "id", "name", "stats"]);
    expect(await repository.listDocuments()).toEqual([meta]);
    const stored = await repository.getDocument("a");
    expect(stored.text).toBe("One. Two.\n\nThree.");
    expect(stored.stats).toEqual(meta.stats);
    expect(stages.at(-1)).toBe("saving");
  });

  it("stores nothing when cancelled before the save, and reports a save that had begun", async () => {
    const early = new AbortController();
    early.abort();
    await expect(ingestAndStoreBytes(request("early", "Text."), { ...options, signal: early.signal })).rejects.toMatchObject({ name: "CancelledError" });
    const late = new AbortController();
    const meta = await ingestAndStoreBytes(request("late", "Text."), {
      ...options,
      signal: late.signal,
      save: async (doc) => {
        late.abort();
        await repository.saveDocument(doc);
      },
    });
    expect((await repository.listDocuments()).map((doc) => doc.id)).toEqual([meta.id]);
  });

  it("passes a failed save's named error on and stores nothing", async () => {
    const full = () => Promise.reject(new FolioError("StorageQuotaError", "Full.", "Remove some."));
    await expect(ingestAndStoreBytes(request("a", "Text."), { ...options, save: full })).rejects.toMatchObject({ name: "StorageQuotaError" });
    expect(await repository.listDocuments()).toEqual([]);
  });
});

/** Two connected in-memory ports that deliver asynchronously, like a worker's. */
function portPair(): [MessagePortLike, MessagePortLike] {
  const listeners: ((event: MessageEvent) => void)[][] = [[], []];
  const port = (mine: number): MessagePortLike => ({
    postMessage: (message) => setTimeout(() => listeners[1 - mine]?.forEach((listener) => listener({ data: message } as MessageEvent)), 0),
    addEventListener: (_type, listener) => listeners[mine]?.push(listener),
  });
  return [port(0), port(1)];
}

describe("rpc settleOnCancel", () => {
  type Methods = { work: { request: null; progress: never; response: string } };

  it("waits for the handler's answer after an abort instead of rejecting at once", async () => {
    const [client, server] = portPair();
    let finish = () => undefined as void;
    serveRpc<Methods>(server, { work: () => new Promise((resolve) => (finish = () => resolve("saved"))) });
    const rpc = createRpcClient<Methods>(client);
    const controller = new AbortController();
    const settled = rpc.call("work", null, { signal: controller.signal, settleOnCancel: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 5));
    finish();
    await expect(settled).resolves.toBe("saved");

    const eager = new AbortController();
    const plain = rpc.call("work", null, { signal: eager.signal });
    eager.abort();
    await expect(plain).rejects.toMatchObject({ name: "CancelledError" });
  });
});
