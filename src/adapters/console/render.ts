/** Pure Reply -> terminal text. Matched words are shown in bold on a colour terminal, **like this** otherwise. */
import { decodeAction } from "../../core/actions.js";
import { displayBlock } from "../../core/display.js";
import { cleanMarks } from "../../core/marks.js";
import { citationLine, type Action, type Block, type Marks, type Reply } from "../../core/reply.js";

export interface ConsoleStyle {
  color: boolean;
  /**
   * The number of the reply's first quotation or source: on a later page, where the previous page stopped (as the
   * reply's own text and its chat buttons number them). 1 when absent.
   */
  first?: number;
}

export function renderConsole(reply: Reply, style: ConsoleStyle = { color: false }): string {
  if (reply.blocks.length === 0) return reply.text;
  const out: string[] = [];
  let n = (style.first ?? 1) - 1;
  for (const block of reply.blocks) {
    const text = renderBlock(displayBlock(block), style, () => ++n);
    if (text) out.push(text);
  }
  return out.join("\n");
}

function renderBlock(block: Block, style: ConsoleStyle, next: () => number): string {
  const bold = (s: string) => (style.color ? `\x1b[1m${s}\x1b[22m` : `**${s}**`);
  const dim = (s: string) => (style.color ? `\x1b[2m${s}\x1b[22m` : s);
  switch (block.type) {
    case "heading":
      return style.color ? `\x1b[1m${block.text}\x1b[22m` : block.text;
    case "paragraph":
      return style.color ? block.text.replace(/\*\*(.+?)\*\*/g, (_, s: string) => bold(s)) : block.text;
    case "context":
      return dim(block.text);
    case "fields":
      return block.fields.map((f) => `${f.label}: ${f.value}`).join("\n");
    case "actions":
      return block.actions.map(actionHint).filter(Boolean).map(dim).join("\n");
    case "source": {
      const excerpt = `${block.cutStart ? "…" : ""}${mark(block.excerpt, block.marks, bold)}${block.cutEnd ? "…" : ""}`;
      return `${next()}. ${citationLine(block.citation)}\n   ${excerpt}`;
    }
    case "quote": {
      const who = [block.speaker ?? "speaker unknown", block.cue ? `(${block.cue})` : ""].filter(Boolean).join(" ");
      const doubt = block.confidence !== null && block.confidence < 0.6 ? " — uncertain attribution" : "";
      const note = block.note ? ` · ${block.note}` : "";
      const n = next();
      const kinds = new Set((block.actions ?? []).map((a) => a.kind));
      const hint = [kinds.has("context") ? `/context ${n}` : "", kinds.has("cite") ? `/cite ${n}` : ""].filter(Boolean).join(" · ");
      return `${n}. “${mark(block.text, block.marks, bold)}”\n   — ${who}${doubt} · ${citationLine(block.citation)}${note}${hint ? `\n   ${dim(`(${hint})`)}` : ""}`;
    }
  }
}

/**
 * The command a quotation's button stands for, typed in the console as `/context N` or `/cite N` (N as numbered in
 * the previous answer); null when the line is not one of those or N is no quotation there.
 */
export function quoteActionCommand(line: string, previous: Reply | null, first = 1): string | null {
  const match = /^\/(context|cite)\s+(\d{1,4})$/i.exec(line.trim());
  if (!match || !previous) return null;
  const kind = match[1]!.toLowerCase();
  // Numbered as renderConsole shows them: quotations and sources alike, from `first` on.
  const numbered = previous.blocks.filter((b) => b.type === "quote" || b.type === "source");
  const block = numbered[Number(match[2]) - first];
  const action = block?.type === "quote" ? block.actions?.find((a) => a.kind === kind) : undefined;
  const payload = action ? decodeAction(action.value) : null;
  return payload ? `/${payload.c} ${payload.t}` : null;
}

/** The console has no buttons: it says what to type instead. */
function actionHint(action: Action): string {
  if (action.kind === "more") return "(type /more for more results)";
  if (action.kind !== "expand") return "";
  const payload = decodeAction(action.value);
  return payload ? `(${action.label.toLowerCase()}: /${payload.c} ${payload.t})` : "";
}

/** Wraps the marked ranges; ranges are sorted and clipped, overlapping ones merged. */
export function mark(text: string, marks: Marks | undefined, wrap: (s: string) => string): string {
  const merged = cleanMarks(text, marks);
  let out = "";
  let at = 0;
  for (const [s, e] of merged) {
    out += text.slice(at, s) + wrap(text.slice(s, e));
    at = e;
  }
  return out + text.slice(at);
}
