// The saved conversations: start a new one, reopen or delete an old one.
import type { ConversationRecord } from "../../adapters/storage/conversations-repository";

interface Props {
  conversations: ConversationRecord[];
  currentId: string | null;
  busy: boolean;
  onNew: () => void;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}

export function ConversationList({ conversations, currentId, busy, onNew, onOpen, onDelete }: Props) {
  return (
    <nav className="ask-conversations" aria-label="Conversations">
      <button type="button" className="ask-new" onClick={onNew} disabled={busy} data-testid="new-conversation">
        + New conversation
      </button>
      {conversations.length === 0 && <p className="ask-muted">No conversations yet.</p>}
      <ul>
        {conversations.map((c) => (
          <li key={c.id} className={c.id === currentId ? "current" : ""} data-testid="conversation-item" data-conversation-id={c.id}>
            <button type="button" className="ask-conversation-open" onClick={() => onOpen(c.id)} disabled={busy} title={c.title}>
              <span className="ask-conversation-title">{c.title}</span>
              <span className="ask-muted">
                {c.turns.length} question{c.turns.length === 1 ? "" : "s"} · {new Date(c.updatedAt).toLocaleDateString()}
              </span>
            </button>
            <button type="button" className="ask-conversation-delete" onClick={() => onDelete(c.id)} disabled={busy && c.id === currentId} aria-label={`Delete “${c.title}”`} data-testid="conversation-delete">
              ×
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
