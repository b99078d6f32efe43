// The shape of Folio's IndexedDB database as the current code sees it: stores, keys, values.
import type { DBSchema } from "idb";
import type { DocumentMeta, Section } from "../../core/text/types";
import type { PackedSections } from "../../core/text/packed-sections";
import type { LabCheckpointBlob, LabCheckpointMeta, LabRunRecord } from "./lab-repository";
import type { StoredDocumentIndex } from "./compress-index-repository";
import type { ConversationRecord } from "./conversations-repository";

/** The database's name. Every store Folio keeps on this device lives in it. */
export const DB_NAME = "folio";

/** Store names, so later issues refer to them without retyping strings. */
export const STORES = {
  /** Small per-document metadata, read in full to list the library. */
  documents: "documents",
  /** The large text and structure of each document, read only when it is opened. */
  contents: "contents",
  /** Lab runs: settings and the metrics history, for the run list and the comparison view. */
  labRuns: "labRuns",
  /** Lab checkpoint meta (small, listed in full). */
  labCheckpoints: "labCheckpoints",
  /** Lab checkpoint bytes, under the same id as their meta, read only to load or export. */
  labCheckpointData: "labCheckpointData",
  /** Each document's compression index (DocumentIndex), under the document's id; built at ingest. */
  compressIndexes: "compressIndexes",
  /** Ask's conversations: questions, evidence and answers. */
  conversations: "conversations",
} as const;

/**
 * The big half of a document, stored under the same id as its meta. Written with `packed`
 * sections (one typed array, quick to read back); records from before hold `sections` as objects.
 */
export interface ContentRecord {
  id: string;
  text: string;
  packed?: PackedSections;
  sections?: Section[];
}

/**
 * The current schema. When a migration adds a store, add it here too; migrations themselves stay
 * untyped (they describe past versions, which this interface does not).
 */
export interface FolioSchema extends DBSchema {
  documents: { key: string; value: DocumentMeta; indexes: { addedAt: number } };
  contents: { key: string; value: ContentRecord };
  labRuns: { key: string; value: LabRunRecord };
  labCheckpoints: { key: string; value: LabCheckpointMeta; indexes: { runId: string } };
  labCheckpointData: { key: string; value: LabCheckpointBlob };
  compressIndexes: { key: string; value: StoredDocumentIndex };
  conversations: { key: string; value: ConversationRecord; indexes: { updatedAt: number } };
}
