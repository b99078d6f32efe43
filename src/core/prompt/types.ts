// Shapes shared by prompt assembly, budgeting and answer parsing: evidence spans, conversation
// turns and the chat messages handed to the model runtime.

/** A chat role as the OpenAI-style chat API (and web-llm) names it. */
export type ChatRole = "system" | "user" | "assistant";

/** One message of the request, in the order the runtime prefills it. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A prior turn of the conversation, as stored: assistant turns may still hold their <think> block. */
export interface ConversationTurn {
  role: "user" | "assistant";
  content: string;
}

/** One piece of compressed evidence the model may cite. */
export interface EvidenceSpan {
  /** The number the model cites it by, as in "[3]": a positive integer, unique within a prompt. */
  citation: number;
  /** The document's display name, e.g. "Annual report 2023.pdf". */
  documentTitle: string;
  /** Where in the document: "Page 4", or a section heading. May be empty. */
  label: string;
  /** The quoted document text (already compressed). */
  text: string;
}

/** The prompt options the user controls. */
export interface PromptOptions {
  /** Whether the model reasons in a <think> block before answering (Qwen3's enable_thinking). */
  thinking: boolean;
}
