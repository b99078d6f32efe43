// One question and everything it produced: notices, the evidence, the model's thinking (apart and
// collapsible), the answer with citation buttons, speed figures, and a failure with its way out.
import { useState } from "react";
import type { StoredTurn } from "../../adapters/storage/conversations-repository";
import type { LiveTurn } from "./ask-types";
import { EvidencePanel, type OpenPassage } from "./evidence-panel";
import { MarkdownAnswer } from "./markdown-view";

interface Props {
  turn: StoredTurn;
  live: LiveTurn | null;
  onOpenPassage: OpenPassage;
  onRetry: (options?: { reloadModel?: boolean }) => void;
}

const PHASES: Record<LiveTurn["phase"], string> = {
  library: "Loading the library's index…",
  compressing: "Choosing the evidence…",
  prefill: "The model is reading the evidence…",
  thinking: "Thinking…",
  answering: "Answering…",
};

function Thinking({ text, running }: { text: string; running: boolean }) {
  const [open, setOpen] = useState<boolean | null>(null);
  // Open while the model thinks, collapsed once it is done, unless the reader chose.
  const shown = open ?? running;
  return (
    <details className="ask-thinking" open={shown} data-testid="thinking">
      <summary
        onClick={(event) => {
          // Controlled here: a toggle event also fires when React opens or closes it.
          event.preventDefault();
          setOpen(!shown);
        }}
      >{running ? "Thinking…" : "Thinking"} <span className="ask-muted">({text.split(/\s+/).filter(Boolean).length} words)</span></summary>
      <p>{text}</p>
    </details>
  );
}

export function TurnView({ turn, live, onOpenPassage, onRetry }: Props) {
  const running = live !== null && live.turnId === turn.id;
  const answer = running ? live.answer : turn.answer;
  const thinking = running ? live.thinking : turn.thinking;
  const available = (turn.evidence ?? []).map((item) => item.citation);
  const [focus, setFocus] = useState<number | null>(null);
  const cite = (citation: number): void => {
    const item = turn.evidence?.find((e) => e.citation === citation);
    setFocus(citation);
    if (item) onOpenPassage(item.docId, [{ start: item.start, end: item.end }]);
  };
  const evidenceOnly = turn.mode === "evidence";

  return (
    <article className="ask-turn" data-testid="turn" data-status={running ? "running" : turn.status} data-mode={turn.mode}>
      <p className="ask-question" data-testid="turn-question">{turn.question}</p>
      {turn.notices.map((notice) => (
        <p key={notice} className="ask-notice" data-testid="turn-notice">{notice}</p>
      ))}
      {running && (
        <p className="ask-phase" data-testid="turn-phase" aria-live="polite">
          {PHASES[live.phase]}
          {live.progress && live.progress.total > 0 ? ` ${live.progress.done} of ${live.progress.total} documents` : ""}
        </p>
      )}
      {evidenceOnly && turn.evidence && (
        <p className="ask-evidence-only" data-testid="evidence-only-label">
          No model answered: these passages are the answer. <a href="#/models">Load a model in Models</a> to get a written answer with citations.
        </p>
      )}
      {turn.evidence && <EvidencePanel evidence={turn.evidence} stats={turn.stats} isAnswer={evidenceOnly} onOpenPassage={onOpenPassage} focus={focus} />}
      {thinking !== "" && <Thinking text={thinking} running={running && live.phase === "thinking"} />}
      {(answer !== "" || (running && !evidenceOnly && turn.evidence)) && !evidenceOnly && (
        <section className="ask-answer" data-testid="answer" aria-label="Answer">
          <MarkdownAnswer answer={answer} available={available} onCite={cite} />
          {running && <span className="ask-caret" aria-hidden="true" />}
        </section>
      )}
      {!running && turn.status === "stopped" && <p className="ask-muted" data-testid="turn-stopped">Stopped. {turn.answer ? "The answer so far is kept." : ""}</p>}
      {!running && turn.usage && (
        <p className="ask-usage" data-testid="usage">
          {turn.modelId} · prefill {Math.round(turn.usage.prefillTokensPerSecond)} tok/s · decode {turn.usage.decodeTokensPerSecond.toFixed(1)} tok/s · first token after{" "}
          {turn.usage.timeToFirstTokenSeconds.toFixed(2)} s · {turn.usage.promptTokens} prompt + {turn.usage.completionTokens} reply tokens
          {turn.finishReason === "length" ? " · cut at the length limit" : ""}
        </p>
      )}
      {!running && turn.error && (
        <div className="ask-error" role="alert" data-testid="turn-error" data-error-name={turn.error.name}>
          <p>
            <strong>{turn.error.message}</strong>
          </p>
          <p>{turn.error.hint}</p>
          {turn.error.reloadModel ? (
            <button type="button" className="primary" data-testid="retry-reload" onClick={() => onRetry({ reloadModel: true })}>
              Reload the model and retry
            </button>
          ) : (
            <button type="button" className="primary" data-testid="retry" onClick={() => onRetry()}>
              Retry
            </button>
          )}
        </div>
      )}
    </article>
  );
}
