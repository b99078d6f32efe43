// The evidence of one turn: figures (library -> context tokens, ratio, time) and each kept span
// with its citation number, source and text; a click opens the passage in the Library viewer.
import type { StoredEvidence, StoredEvidenceStats } from "../../adapters/storage/conversations-repository";
import { formatMs, formatRatio, formatTokens, sourceLine } from "./evidence";

export type OpenPassage = (docId: string, ranges: { start: number; end: number }[]) => void;

interface Props {
  evidence: StoredEvidence[];
  stats: StoredEvidenceStats | null;
  /** Evidence-only turns: the panel is the answer. */
  isAnswer: boolean;
  onOpenPassage: OpenPassage;
  /** Citation the reader last clicked in the answer, to flash. */
  focus?: number | null;
}

export function EvidenceStats({ stats }: { stats: StoredEvidenceStats }) {
  return (
    <dl className="ask-stats" data-testid="evidence-stats">
      <div>
        <dt>Library</dt>
        <dd data-testid="library-tokens">{formatTokens(stats.libraryTokens)} tokens</dd>
      </div>
      <div>
        <dt>Context</dt>
        <dd data-testid="context-tokens">{formatTokens(stats.contextTokens)} tokens</dd>
      </div>
      <div>
        <dt>Ratio</dt>
        <dd data-testid="compression-ratio">{formatRatio(stats.libraryTokens, stats.contextTokens)}</dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd data-testid="evidence-time" title={stats.libraryMs > 1 ? `of which ${formatMs(stats.libraryMs)} loading the library` : "library already loaded"}>
          {formatMs(stats.ms)}
        </dd>
      </div>
      <div>
        <dt>Budget</dt>
        <dd>
          {formatTokens(stats.budget)} · {stats.granularity}
        </dd>
      </div>
    </dl>
  );
}

export function EvidencePanel({ evidence, stats, isAnswer, onOpenPassage, focus }: Props) {
  return (
    <section className={isAnswer ? "ask-evidence is-answer" : "ask-evidence"} data-testid="evidence-panel" aria-label="Evidence">
      <header className="ask-evidence-head">
        <h3>{isAnswer ? "Evidence only — the best passages from your documents" : "Evidence given to the model"}</h3>
        {stats && <EvidenceStats stats={stats} />}
        {stats && stats.indexedNow > 0 && <p className="ask-muted">Indexed {stats.indexedNow} older document{stats.indexedNow === 1 ? "" : "s"} for this first question.</p>}
      </header>
      {evidence.length === 0 ? (
        <p className="ask-muted" data-testid="evidence-empty">No passage in the documents matches this question.</p>
      ) : (
        <ol className="ask-spans">
          {evidence.map((item) => (
            <li key={item.citation} id={`evidence-${item.citation}`}>
              <button
                type="button"
                className={focus === item.citation ? "ask-span focused" : "ask-span"}
                data-testid="evidence-span"
                data-citation={item.citation}
                data-doc-id={item.docId}
                onClick={() => onOpenPassage(item.docId, [{ start: item.start, end: item.end }])}
                title="Open this passage in the document"
              >
                <span className="ask-span-number">{item.citation}</span>
                <span className="ask-span-body">
                  <span className="ask-span-source" data-testid="evidence-source">{sourceLine(item)}</span>
                  <span className="ask-span-text" data-testid="evidence-text">{item.text}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
