// The Ask area: conversations on the side; the current conversation's turns; the question box with
// its settings. The app passes onOpenPassage (features never import each other).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { setActiveEngine } from "../../adapters/llm/active-engine";
import type { Engine } from "../../adapters/llm/engine";
import { AskControls } from "./ask-controls";
import { useAskStore } from "./ask-store";
import { ConversationList } from "./conversation-list";
import { ModelChooser } from "./model-chooser";
import type { OpenPassage } from "./evidence-panel";
import { TurnView } from "./turn-view";
import { useActiveEngine } from "./use-active-engine";
import "./ask.css";

/** Test hook: ?e2e-engine=echo installs the echo engine (its own chunk, never loaded otherwise). */
async function installTestEngine(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  if (params.get("e2e-engine") !== "echo") return;
  const { EchoEngine } = await import("./e2e-echo-engine");
  const engine: Engine = new EchoEngine({
    overflowOnce: params.get("e2e-overflow") === "1",
    deviceLostOnce: params.get("e2e-device-lost") === "1",
    echoBlock: params.get("e2e-echo") === "block",
    delayMs: params.has("e2e-delay") ? Number(params.get("e2e-delay")) : undefined,
    onChange: () => void setActiveEngine(engine),
  });
  await setActiveEngine(engine);
  await engine.load("e2e-echo", { contextWindow: 4096 });
  (window as unknown as { __folioTest?: object }).__folioTest = { engine: "echo" };
}

export function AskView({ onOpenPassage }: { onOpenPassage: OpenPassage }) {
  const store = useAskStore();
  const engine = useActiveEngine();
  const [question, setQuestion] = useState("");
  const current = store.conversations.find((c) => c.id === store.currentId) ?? null;
  const running = store.live !== null;
  const endRef = useRef<HTMLDivElement>(null);

  const { init, refreshDocuments } = store;
  useEffect(() => {
    void init();
    void installTestEngine();
    const onFocus = (): void => void refreshDocuments();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [init, refreshDocuments]);

  // Changing granularity or budget re-chooses the evidence of the last evidence-only answer.
  const { granularity, manualBudget } = store.settings;
  const last = current?.turns.at(-1);
  const lastId = last && last.mode === "evidence" && last.status === "done" ? last.id : null;
  const lastKey = last ? `${last.granularity}|${last.manualBudget}` : "";
  const { rerun } = store;
  useEffect(() => {
    if (!lastId || lastKey === `${granularity}|${manualBudget}`) return;
    const timer = setTimeout(() => void rerun(lastId), 350);
    return () => clearTimeout(timer);
  }, [granularity, manualBudget, lastId, lastKey, rerun]);

  const turnCount = current?.turns.length ?? 0;
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [turnCount]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (question.trim() === "" || running) return;
    // Kept in the box unless the store took it (it refuses while another turn runs).
    if (store.ask(question)) setQuestion("");
  };

  return (
    <div className="ask-layout" data-testid="ask-view">
      <ConversationList
        conversations={store.conversations}
        currentId={store.currentId}
        busy={running}
        onNew={store.newConversation}
        onOpen={store.openConversation}
        onDelete={(id) => void store.removeConversation(id)}
      />
      <section className="ask-main">
        <ModelChooser engine={engine} disabled={running} />
        {store.notice && (
          <div className="ask-error" role="alert" data-testid="ask-notice">
            <p><strong>{store.notice.message}</strong> {store.notice.hint}</p>
            <button type="button" onClick={store.dismissNotice}>Dismiss</button>
          </div>
        )}
        <div className="ask-turns">
          {!current && (
            <div className="ask-empty">
              <h2>Ask your documents</h2>
              <p className="ask-muted">
                {store.documents.length === 0
                  ? "Add documents in the Library first; then ask anything about them."
                  : `Ask about ${store.documents.length} document${store.documents.length === 1 ? "" : "s"}. Folio picks the passages that answer it, shows them with their sources, and a loaded model answers from them with citations.`}
              </p>
            </div>
          )}
          {current?.turns.map((turn) => (
            <TurnView key={turn.id} turn={turn} live={store.live?.turnId === turn.id ? store.live : null} onOpenPassage={onOpenPassage} onRetry={(options) => void store.rerun(turn.id, options)} />
          ))}
          <div ref={endRef} />
        </div>
        <form className="ask-form" onSubmit={submit} noValidate>
          <div className="ask-input-row">
            <textarea
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) submit(e);
              }}
              placeholder={current ? "Ask a follow-up question…" : "Ask a question about your documents…"}
              rows={2}
              aria-label="Question"
              data-testid="question-input"
            />
            {running ? (
              <button type="button" className="danger" onClick={store.stop} data-testid="stop">
                Stop
              </button>
            ) : (
              <button type="submit" className="primary" disabled={question.trim() === ""} data-testid="ask-submit">
                Ask
              </button>
            )}
          </div>
          <AskControls settings={store.settings} documents={store.documents} engine={engine} onChange={store.setSettings} disabled={running} />
        </form>
      </section>
    </div>
  );
}
