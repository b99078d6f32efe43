// Ask's state and actions: the documents to ask over, the conversations (kept in IndexedDB), the
// settings, and the one running turn with its live text. Every question is saved before any work
// starts, and every change of a turn is saved again, so nothing is lost to a failure or a reload.
import { create } from "zustand";
import { libraryCompressPool } from "../../adapters/compress/library-pool";
import { getActiveEngine } from "../../adapters/llm/active-engine";
import { listDocuments } from "../../adapters/storage/documents-repository";
import {
  deleteConversation,
  listConversations,
  saveConversation,
  type ConversationRecord,
  type StoredTurn,
} from "../../adapters/storage/conversations-repository";
import { newDocumentId } from "../../adapters/storage/document-id";
import type { ConversationTurn } from "../../core/prompt/types";
import type { DocumentMeta } from "../../core/text/types";
import { clearBusy, setBusy } from "../../lib/busy";
import { serializeError, type SerializedError } from "../../lib/errors";
import { runTurn } from "./ask-run";
import type { AskSettings, LiveTurn } from "./ask-types";
import { clampManualBudget, MANUAL_BUDGET } from "./budget-policy";
import { conversationTitle } from "./evidence";

const BUSY = "answering a question";

interface AskState {
  documents: DocumentMeta[];
  conversations: ConversationRecord[];
  currentId: string | null;
  settings: AskSettings;
  live: LiveTurn | null;
  notice: SerializedError | null;

  init(): Promise<void>;
  refreshDocuments(): Promise<void>;
  setSettings(patch: Partial<AskSettings>): void;
  /** Saves the question as a new turn and answers it; false (nothing done) while another turn runs. */
  ask(question: string): boolean;
  /** Runs an existing turn again (after a failure, or with new settings); optionally reloads the model first. */
  rerun(turnId: string, options?: { reloadModel?: boolean }): Promise<void>;
  stop(): void;
  newConversation(): void;
  openConversation(id: string): void;
  removeConversation(id: string): Promise<void>;
  dismissNotice(): void;
}

let controller: AbortController | null = null;
/** Set once the user picks or starts a conversation, so a slow first load does not switch them away. */
let userChose = false;
/** The model that last answered, to reload it after a lost device. */
let lastModel: { modelId: string; contextWindow: number } | null = null;

/** Earlier answered turns as chat history (answers only; thinking is never sent back). */
export function historyOf(turns: readonly StoredTurn[]): ConversationTurn[] {
  return turns.flatMap((turn) =>
    turn.mode === "model" && turn.answer.trim() !== "" && (turn.status === "done" || turn.status === "stopped")
      ? [{ role: "user" as const, content: turn.question }, { role: "assistant" as const, content: turn.answer }]
      : [],
  );
}

export const useAskStore = create<AskState>()((set, get) => {
  const current = (): ConversationRecord | null => get().conversations.find((c) => c.id === get().currentId) ?? null;

  const persist = (record: ConversationRecord): void => {
    const others = get().conversations.filter((c) => c.id !== record.id);
    set({ conversations: [record, ...others].sort((a, b) => b.updatedAt - a.updatedAt) });
    saveConversation(record).catch((error: unknown) => set({ notice: serializeError(error) }));
  };

  const putTurn = (conversationId: string, turn: StoredTurn): void => {
    const record = get().conversations.find((c) => c.id === conversationId);
    if (!record) return;
    const turns = record.turns.some((t) => t.id === turn.id) ? record.turns.map((t) => (t.id === turn.id ? turn : t)) : [...record.turns, turn];
    persist({ ...record, turns, updatedAt: Date.now() });
  };

  const execute = async (conversationId: string, turn: StoredTurn): Promise<void> => {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const record = get().conversations.find((c) => c.id === conversationId);
    const earlier = record ? record.turns.slice(0, record.turns.findIndex((t) => t.id === turn.id)) : [];
    const engine = getActiveEngine();
    const useModel = turn.mode === "model" && engine.capabilities !== null && engine.state === "ready";
    if (useModel && engine.capabilities) lastModel = { modelId: engine.capabilities.modelId, contextWindow: engine.capabilities.contextWindow };
    set({ live: { turnId: turn.id, phase: "library", answer: "", thinking: "", progress: null } });
    setBusy(BUSY);
    try {
      const settings = { ...get().settings, scope: turn.scope, granularity: turn.granularity as AskSettings["granularity"], manualBudget: turn.manualBudget ?? get().settings.manualBudget };
      await runTurn({ ...turn, mode: useModel ? "model" : "evidence" }, settings, historyOf(earlier), { pool: libraryCompressPool(), listDocuments, engine: useModel ? engine : null }, {
        signal: own.signal,
        onTurn: (next) => putTurn(conversationId, next),
        onLive: (patch) => {
          const live = get().live;
          if (live && live.turnId === turn.id) set({ live: { ...live, ...patch } });
        },
      });
    } finally {
      if (controller === own) controller = null;
      if (get().live?.turnId === turn.id) set({ live: null });
      clearBusy(BUSY);
    }
  };

  return {
    documents: [],
    conversations: [],
    currentId: null,
    settings: { scope: [], granularity: "auto", manualBudget: MANUAL_BUDGET.default, mode: "model", thinking: false },
    live: null,
    notice: null,

    async init() {
      try {
        const [conversations] = await Promise.all([listConversations(), get().refreshDocuments()]);
        // A turn left "pending" by a closed tab is shown as stopped, with its question intact.
        const fixed = conversations.map((c) => ({ ...c, turns: c.turns.map((t) => (t.status === "pending" && get().live?.turnId !== t.id ? { ...t, status: "stopped" as const } : t)) }));
        set({ conversations: fixed, currentId: userChose ? get().currentId : (get().currentId ?? fixed[0]?.id ?? null) });
        // Warm the compress worker (tokenizer, stored indexes) so the first question is quick.
        const ids = get().documents.map((d) => d.id);
        if (ids.length > 0 && !get().live) void libraryCompressPool().useStoredLibrary(ids, { allIds: ids }).then(() => libraryCompressPool().countTokens(["warm up"])).catch(() => undefined);
      } catch (error) {
        set({ notice: serializeError(error) });
      }
    },

    async refreshDocuments() {
      try {
        const documents = await listDocuments();
        const known = new Set(documents.map((d) => d.id));
        const scope = get().settings.scope.filter((id) => known.has(id));
        set({ documents, settings: { ...get().settings, scope } });
      } catch (error) {
        set({ notice: serializeError(error) });
      }
    },

    setSettings(patch) {
      const next = { ...get().settings, ...patch };
      next.manualBudget = clampManualBudget(next.manualBudget);
      set({ settings: next });
    },

    ask(question) {
      const text = question.trim();
      if (text === "" || get().live) return false;
      userChose = true;
      const { settings } = get();
      let record = current();
      const now = Date.now();
      if (!record) {
        record = { id: newDocumentId(), title: conversationTitle(text), createdAt: now, updatedAt: now, turns: [] };
        set({ currentId: record.id });
      }
      const turn: StoredTurn = {
        id: newDocumentId(), question: text, askedAt: now, mode: settings.mode, scope: [...settings.scope], granularity: settings.granularity,
        manualBudget: settings.manualBudget, evidence: null, stats: null, answer: "", thinking: "",
        usage: null, finishReason: null, notices: [], error: null, status: "pending",
      };
      persist({ ...record, turns: [...record.turns, turn], updatedAt: now });
      void execute(record.id, turn);
      return true;
    },

    async rerun(turnId, options = {}) {
      const record = current();
      const turn = record?.turns.find((t) => t.id === turnId);
      if (!record || !turn || get().live) return;
      const { settings } = get();
      const updated: StoredTurn = turn.mode === "evidence" ? { ...turn, granularity: settings.granularity, manualBudget: settings.manualBudget } : turn;
      if (options.reloadModel && lastModel) {
        set({ live: { turnId, phase: "library", answer: "", thinking: "", progress: null } });
        try {
          await getActiveEngine().load(lastModel.modelId, { contextWindow: lastModel.contextWindow });
        } catch (error) {
          set({ notice: serializeError(error), live: null });
          return;
        }
        set({ live: null });
      }
      await execute(record.id, updated);
    },

    stop() {
      controller?.abort();
      getActiveEngine().stop();
    },

    newConversation() {
      if (get().live) return;
      userChose = true;
      set({ currentId: null });
    },

    openConversation(id) {
      if (get().live) return;
      userChose = true;
      set({ currentId: id });
    },

    async removeConversation(id) {
      if (get().live && get().currentId === id) return;
      try {
        await deleteConversation(id);
      } catch (error) {
        set({ notice: serializeError(error) });
        return;
      }
      set({ conversations: get().conversations.filter((c) => c.id !== id), currentId: get().currentId === id ? null : get().currentId });
    },

    dismissNotice() {
      set({ notice: null });
    },
  };
});
