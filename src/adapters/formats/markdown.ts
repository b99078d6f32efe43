// Markdown to Extraction with marked's lexer: sections from headings, code blocks kept as text.
import { Lexer, type Token, type Tokens } from "marked";
import type { ExtractedUnit, Extraction } from "../../core/text/types";
import { extractHtml } from "./html";

/**
 * Extracts sections (one per heading, plus the untitled text before the first one, named
 * `untitled`) and paragraphs (paragraphs, list items, table rows, code blocks, quotes). Nothing is
 * rendered: inline markup is reduced to its text, raw HTML to the text between its tags.
 */
export function extractMarkdown(markdown: string, untitled: string): Extraction {
  const units: ExtractedUnit[] = [];
  let unit: ExtractedUnit = { kind: "section", number: 1, title: untitled, level: 0, paragraphs: [] };
  const push = (text: string) => {
    const clean = text.replace(/\s+/g, " ").trim();
    if (clean.length > 0) unit.paragraphs.push(clean);
  };
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case "heading": {
          const title = inlineText(token.tokens ?? []).replace(/\s+/g, " ").trim();
          if (title.length === 0) break;
          if (unit.paragraphs.length > 0 || unit.level > 0) units.push(unit);
          unit = { kind: "section", number: units.length + 1, title, level: (token as Tokens.Heading).depth, paragraphs: [] };
          break;
        }
        case "code":
          push((token as Tokens.Code).text);
          break;
        case "list":
          for (const item of (token as Tokens.List).items) visit(item.tokens);
          break;
        case "blockquote":
          visit((token as Tokens.Blockquote).tokens);
          break;
        case "table": {
          const table = token as Tokens.Table;
          push(table.header.map((cell) => inlineText(cell.tokens)).join(" "));
          for (const row of table.rows) push(row.map((cell) => inlineText(cell.tokens)).join(" "));
          break;
        }
        case "html":
          for (const section of extractHtml((token as Tokens.HTML).text, "").units) section.paragraphs.forEach(push);
          break;
        case "space":
        case "hr":
        case "def":
          break;
        default:
          // paragraph, text, and anything a marked extension adds: keep its text.
          push("tokens" in token && token.tokens ? inlineText(token.tokens) : "text" in token ? String(token.text) : "");
      }
    }
  };
  visit(new Lexer({ gfm: true }).lex(markdown));
  units.push(unit);
  return { units: units.map((entry, index) => ({ ...entry, number: index + 1 })) };
}

/** The visible text of inline tokens: emphasis and links by their text, images by their alt text. */
function inlineText(tokens: readonly Token[]): string {
  let text = "";
  for (const token of tokens) {
    if (token.type === "br") text += " ";
    else if (token.type === "html") text += " ";
    else if ("tokens" in token && token.tokens && token.tokens.length > 0) text += inlineText(token.tokens);
    else if (token.type === "escape" || token.type === "codespan" || token.type === "text" || token.type === "image") text += decodeEntities(String(token.text));
    else if ("text" in token) text += String(token.text);
  }
  return text;
}

/** marked escapes &, <, >, " and ' in code and text; turn them back into characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name] ?? "");
}
