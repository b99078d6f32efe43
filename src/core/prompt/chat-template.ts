// Chat templates per model family, and honest token counts of a whole request: the runtime wraps
// every message in template tokens and appends a generation header, and all of it fills the window.
import type { Tokenizer } from "../text/types";
import { PromptError } from "./errors";
import type { ChatMessage } from "./types";

export interface ChatTemplate {
  family: string;
  /** One message as the runtime renders it. web-llm tokenizes each message on its own, so counts add. */
  renderMessage(message: ChatMessage): string;
  /** What the runtime appends to start the reply; with thinking off, Qwen3 pre-fills an empty think block. */
  generationPrefix(thinking: boolean): string;
  /** Template tokens counted by hand, for when no tokenizer is loaded yet. */
  overhead: {
    /** Tokens around each message's content. */
    perMessage: number;
    /** Tokens of the generation header with thinking on. */
    generation: number;
    /** Extra tokens of the generation header with thinking off. */
    thinkingOff: number;
  };
}

/**
 * Qwen3's ChatML, as web-llm's conversation template renders it:
 * "<|im_start|>{role}\n{content}<|im_end|>\n" per message, then "<|im_start|>assistant\n", plus
 * "<think>\n\n</think>\n\n" when thinking is off. In Qwen3's tokenizer <|im_start|>, <|im_end|>,
 * <think> and </think> are single tokens, each role name is one token and "\n" and "\n\n" are one
 * each: 5 tokens per message (<|im_start|> role \n … <|im_end|> \n), 3 for the header, 4 more with
 * thinking off. test/unit/prompt-chat-template.test.ts checks these against the real tokenizer.
 */
const QWEN3: ChatTemplate = {
  family: "qwen3",
  renderMessage: (message) => `<|im_start|>${message.role}\n${message.content}<|im_end|>\n`,
  generationPrefix: (thinking) => (thinking ? "<|im_start|>assistant\n" : "<|im_start|>assistant\n<think>\n\n</think>\n\n"),
  overhead: { perMessage: 5, generation: 3, thinkingOff: 4 },
};

/** Templates by tokenizer family. */
export const CHAT_TEMPLATES: Readonly<Record<string, ChatTemplate>> = { qwen3: QWEN3 };

/** The template of `family`; an unknown family is an error listing the known ones. */
export function chatTemplateFor(family: string): ChatTemplate {
  const template = Object.prototype.hasOwnProperty.call(CHAT_TEMPLATES, family) ? CHAT_TEMPLATES[family] : undefined;
  if (!template) {
    throw new PromptError(
      "InvalidRequestError",
      `No chat template for the model family "${family}"; known families are: ${Object.keys(CHAT_TEMPLATES).join(", ")}.`,
      "Choose a model of a supported family.",
    );
  }
  return template;
}

/** Template tokens of a request of `messageCount` messages, from the hand-counted constants (tokens). */
export function templateOverheadTokens(template: ChatTemplate, messageCount: number, thinking: boolean): number {
  const { perMessage, generation, thinkingOff } = template.overhead;
  return messageCount * perMessage + generation + (thinking ? 0 : thinkingOff);
}

/** Tokens the whole request fills in the context window before the reply: every message, template included. */
export function countPromptTokens(messages: readonly ChatMessage[], tokenizer: Tokenizer, thinking: boolean): number {
  const template = chatTemplateFor(tokenizer.family);
  let total = tokenizer.count(template.generationPrefix(thinking));
  for (const message of messages) total += tokenizer.count(template.renderMessage(message));
  return total;
}

/** Rough count without a tokenizer: content characters / `charsPerToken` plus the template constants. */
export function estimatePromptTokens(
  messages: readonly ChatMessage[],
  template: ChatTemplate,
  thinking: boolean,
  charsPerToken = 3,
): number {
  const content = messages.reduce((sum, message) => sum + Math.ceil(message.content.length / charsPerToken), 0);
  return content + templateOverheadTokens(template, messages.length, thinking);
}
