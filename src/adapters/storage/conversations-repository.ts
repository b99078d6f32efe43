// Reads and writes Ask's conversations: each question with its evidence, answer, thinking and any
// failure, so a conversation can be listed, reopened after a reload, continued or deleted.
import type { SerializedError } from "../../lib/errors";
import { openFolioDatabase } from "./database";
import { STORES } from "./schema";
import { toStorageError } from "./storage-errors";

/** One kept span as shown in the evidence panel and cited by the model. */
export interface StoredEvidence {
  /** The number the answer cites it by, e.g. 3 for "[3]". */
  citation: number;
  docId: string;
  documentTitle: string;
  /** "p. 4" or a section heading; may be empty. */
  label: string;
  /** Character range in the document's text. */
  start: number;
  end: number;
  text: string;
}

/** How the evidence of a turn was chosen, and what it cost. */
export interface StoredEvidenceStats {
  /** Tokens of the documents in scope. */
  libraryTokens: number;
  /** Tokens of the kept evidence (as the model sees it when one answered; else the compressor's count). */
  contextTokens: number;
  /** The budget the evidence was fitted to, in tokens. */
  budget: number;
  granularity: string;
  intent: string;
  /** Milliseconds from the question to the evidence (library load included when it happened). */
  ms: number;
  /** Of `ms`, the time spent making the library ready (zero when it was already loaded). */
  libraryMs: number;
  /** Documents without a stored index that were indexed for this question. */
  indexedNow: number;
  documents: number;
}

export interface StoredUsage {
  promptTokens: number;
  completionTokens: number;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  timeToFirstTokenSeconds: number;
}

export interface StoredTurn {
  id: string;
  question: string;
  askedAt: number;
  /** "evidence": the evidence panel is the answer; "model": a model answered from it. */
  mode: "evidence" | "model";
  /** The model that answered (model mode). */
  modelId?: string;
  thinkingRequested?: boolean;
  /** Document ids in scope; empty means every document. */
  scope: string[];
  granularity: string;
  /** The manual budget asked for (evidence mode), or null for the model's own. */
  manualBudget: number | null;
  evidence: StoredEvidence[] | null;
  stats: StoredEvidenceStats | null;
  answer: string;
  thinking: string;
  usage: StoredUsage | null;
  finishReason: string | null;
  /** What happened along the way that the user should know (e.g. "compressed to 70% and retried"). */
  notices: string[];
  error: (SerializedError & { retryable: boolean; reloadModel: boolean }) | null;
  status: "pending" | "done" | "stopped" | "failed";
}

export interface ConversationRecord {
  id: string;
  /** The first question, shortened. */
  title: string;
  createdAt: number;
  updatedAt: number;
  turns: StoredTurn[];
}

/** Every conversation, most recently updated first. */
export async function listConversations(): Promise<ConversationRecord[]> {
  try {
    const db = await openFolioDatabase();
    return (await db.getAll(STORES.conversations)).sort((a, b) => b.updatedAt - a.updatedAt);
  } catch (error) {
    throw toStorageError(error, "list your conversations");
  }
}

/** Stores a conversation or replaces the one with the same id. */
export async function saveConversation(record: ConversationRecord): Promise<void> {
  try {
    const db = await openFolioDatabase();
    await db.put(STORES.conversations, record);
  } catch (error) {
    throw toStorageError(error, "save the conversation");
  }
}

export async function deleteConversation(id: string): Promise<void> {
  try {
    const db = await openFolioDatabase();
    await db.delete(STORES.conversations, id);
  } catch (error) {
    throw toStorageError(error, "remove the conversation");
  }
}
