// The settings row under the question box: answer mode, scope, granularity, budget and thinking.
import type { DocumentMeta } from "../../core/text/types";
import type { AskSettings, GranularityChoice } from "./ask-types";
import { GRANULARITY_CHOICES } from "./ask-types";
import { MANUAL_BUDGET } from "./budget-policy";
import type { ActiveEngineView } from "./use-active-engine";

interface Props {
  settings: AskSettings;
  documents: DocumentMeta[];
  engine: ActiveEngineView;
  onChange: (patch: Partial<AskSettings>) => void;
  disabled: boolean;
}

function ScopePicker({ settings, documents, onChange, disabled }: Omit<Props, "engine">) {
  const all = settings.scope.length === 0;
  const label = all ? `All documents (${documents.length})` : `${settings.scope.length} of ${documents.length} documents`;
  const toggle = (id: string, on: boolean): void => {
    const chosen = new Set(all ? documents.map((d) => d.id) : settings.scope);
    if (on) chosen.add(id);
    else chosen.delete(id);
    if (chosen.size === 0) return;
    // Every document ticked is the same as "all", which also follows documents added later.
    onChange({ scope: chosen.size === documents.length ? [] : documents.filter((d) => chosen.has(d.id)).map((d) => d.id) });
  };
  return (
    <details className="ask-scope" data-testid="scope-picker">
      <summary>{label}</summary>
      <div className="ask-scope-list">
        <label>
          <input type="checkbox" checked={all} disabled={disabled} onChange={() => onChange({ scope: [] })} data-testid="scope-all" /> All documents
        </label>
        {documents.map((doc) => (
          <label key={doc.id}>
            <input
              type="checkbox"
              disabled={disabled}
              checked={all || settings.scope.includes(doc.id)}
              onChange={(e) => toggle(doc.id, e.target.checked)}
              data-testid="scope-document"
              data-name={doc.name}
            />{" "}
            {doc.name}
          </label>
        ))}
      </div>
    </details>
  );
}

export function AskControls({ settings, documents, engine, onChange, disabled }: Props) {
  const modelReady = engine.ready;
  const answering = modelReady && settings.mode === "model";
  const caps = engine.capabilities;
  return (
    <div className="ask-controls">
      <label className="ask-control">
        <span>Answer</span>
        <select value={answering ? "model" : "evidence"} disabled={disabled || !modelReady} onChange={(e) => onChange({ mode: e.target.value as AskSettings["mode"] })} data-testid="mode-select">
          <option value="model">{caps ? `with ${caps.modelId}` : "with a model"}</option>
          <option value="evidence">Evidence only</option>
        </select>
      </label>
      <label className="ask-control">
        <span>Scope</span>
        <ScopePicker settings={settings} documents={documents} onChange={onChange} disabled={disabled} />
      </label>
      <label className="ask-control">
        <span>Granularity</span>
        <select value={settings.granularity} disabled={disabled} onChange={(e) => onChange({ granularity: e.target.value as GranularityChoice })} data-testid="granularity-select">
          {GRANULARITY_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
      {answering && caps ? (
        <span className="ask-control ask-budget-auto" data-testid="budget-auto" title="What the model's window leaves after the prompt and room for the reply">
          <span>Budget</span> auto · {caps.contextWindow.toLocaleString("en")}-token window
        </span>
      ) : (
        <label className="ask-control">
          <span>Budget</span>
          <input
            type="number"
            min={MANUAL_BUDGET.min}
            max={MANUAL_BUDGET.max}
            step={64}
            value={settings.manualBudget}
            disabled={disabled}
            onChange={(e) => onChange({ manualBudget: Number(e.target.value) })}
            data-testid="budget-input"
          />
          <span className="ask-muted">tokens</span>
        </label>
      )}
      {/* The toggle only where it switches something; a model that always thinks just says so. */}
      {answering && caps?.thinkingSwitch && (
        <label className="ask-control" title="Let the model reason before it answers">
          <input type="checkbox" checked={settings.thinking} disabled={disabled} onChange={(e) => onChange({ thinking: e.target.checked })} data-testid="thinking-toggle" />
          <span>Think first</span>
        </label>
      )}
      {answering && caps?.supportsThinking && !caps.thinkingSwitch && (
        <span className="ask-control ask-muted" data-testid="thinking-always">Always thinks first</span>
      )}
    </div>
  );
}
