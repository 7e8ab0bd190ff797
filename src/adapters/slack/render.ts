/**
 * Reply -> Block Kit. Pure: the same Reply always gives the same message. Slack's limits are kept by cutting:
 * long texts end in "…", and blocks that do not fit (50 blocks, about 12,000 characters) are replaced by a final
 * "… and N more" context line; the action buttons are always kept. See mrkdwn.ts for how text is escaped.
 */
import { displayBlock } from "../../core/display.js";
import { provenanceNote, type Action, type Block, type Citation, type QuoteBlock, type Reply, type SourceBlock } from "../../core/reply.js";
import {
  ACTION_IDS,
  blockTextLength,
  mrkdwn,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackButton,
  type SlackMessage,
} from "./blocks.js";
import { cutPlain, escapeMrkdwn, fitRendered, literal, literalWithMarks, prose } from "./mrkdwn.js";

export type { SlackBlock, SlackMessage } from "./blocks.js";

export interface RenderOptions {
  /** Slack user id of whoever shared this answer to the channel: adds "Shared by <@U…>" on top. */
  sharedBy?: string;
}

/** Attributions below this confidence carry a warning. */
export const LOW_CONFIDENCE = 0.6;

export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const head: SlackBlock[] = [];
  // The one mention we ever produce, built from a Slack user id, never from corpus or user text.
  if (options.sharedBy && /^[UW][A-Z0-9]+$/.test(options.sharedBy)) {
    head.push({ type: "context", elements: [mrkdwn(`Shared by <@${options.sharedBy}>`)] });
  }
  const groups = reply.blocks.filter((b) => b.type !== "actions").map((b) => renderBlock(displayBlock(b))).filter((g) => g.length > 0);
  if (groups.length === 0 && reply.text.trim()) groups.push([section(reply.text, literal)]);
  const tail = reply.blocks.flatMap((b) => (b.type === "actions" ? renderActions(b.actions) : []));
  return { text: fallbackText(reply.text), blocks: [...head, ...fitGroups(groups, head, tail), ...tail] };
}

/** Whole groups (a quote is its section and its context line) in order, as many as fit, then "… and N more". */
function fitGroups(groups: SlackBlock[][], head: SlackBlock[], tail: SlackBlock[]): SlackBlock[] {
  const fixed = [...head, ...tail];
  const blockRoom = SLACK_LIMITS.blocks - fixed.length;
  const textRoom = SLACK_LIMITS.totalText - fixed.reduce((n, b) => n + blockTextLength(b), 0);
  const all = groups.flat();
  if (all.length <= blockRoom && all.reduce((n, b) => n + blockTextLength(b), 0) <= textRoom) return all;

  const moreLine = (n: number): SlackBlock => ({ type: "context", elements: [mrkdwn(`… and ${n} more`)] });
  const reserve = blockTextLength(moreLine(groups.length));
  const kept: SlackBlock[] = [];
  let chars = 0;
  let taken = 0;
  for (const group of groups) {
    const size = group.reduce((n, b) => n + blockTextLength(b), 0);
    if (kept.length + group.length + 1 > blockRoom || chars + size + reserve > textRoom) break;
    kept.push(...group);
    chars += size;
    taken++;
  }
  return [...kept, moreLine(groups.length - taken)];
}

function renderBlock(block: Exclude<Block, { type: "actions" }>): SlackBlock[] {
  switch (block.type) {
    case "heading": {
      const text = block.text.trim();
      if (!text) return [];
      // A header is plain text; text that would need escaping goes into a bold section instead, so that it shows
      // the same whatever Slack does with entities in plain text.
      if (!/[&<>]/.test(text)) {
        return [{ type: "header", text: { type: "plain_text", text: cutPlain(text, SLACK_LIMITS.headerText) } }];
      }
      return [section(text, (t) => `*${literal(t)}*`)];
    }
    case "paragraph":
      return block.text.trim() ? [section(block.text, prose)] : [];
    case "quote":
      return renderQuote(block);
    case "source":
      return renderSource(block);
    case "fields":
      return renderFields(block.fields);
    case "context":
      return block.text.trim() ? [contextLine(block.text, literal)] : [];
  }
}

function renderQuote(block: QuoteBlock): SlackBlock[] {
  const quoted = fitRendered(block.text, SLACK_LIMITS.sectionText, (text, cut) =>
    (literalWithMarks(text, block.marks) + (cut ? "…" : ""))
      .split("\n")
      .map((line) => `>${line}`)
      .join("\n"),
  );
  const context = fitParts((cap) => {
    const speaker = block.speaker ? `*${literal(cutPlain(block.speaker, cap))}*` : "Unknown speaker";
    const cue = block.cue ? ` (${literal(cutPlain(block.cue, cap))})` : "";
    const parts = [speaker + cue, ...citationParts(block.citation, cap)];
    if (block.confidence !== null && block.confidence < LOW_CONFIDENCE) parts.push(":warning: uncertain attribution");
    if (block.note) parts.push(literal(cutPlain(block.note, cap)));
    return parts.join(" · ");
  });
  // The quotation's own buttons (Context, Copy citation) stay with it: a block of its own, ids unique within it.
  return [{ type: "section", text: mrkdwn(quoted) }, { type: "context", elements: [mrkdwn(context)] }, ...renderActions(block.actions ?? [])];
}

function renderSource(block: SourceBlock): SlackBlock[] {
  const excerpt = fitRendered(block.excerpt, SLACK_LIMITS.sectionText, (text, cut) => {
    const body = literalWithMarks(text, block.marks);
    return `${block.cutStart ? "…" : ""}${body}${block.cutEnd || cut ? "…" : ""}`;
  });
  const context = fitParts((cap) => citationParts(block.citation, cap).join(" · "));
  return [
    { type: "section", text: mrkdwn(excerpt) },
    { type: "context", elements: [mrkdwn(context)] },
  ];
}

/** Outlet · title (linked when the article has a web address) · date · ¶n, then the provenance note where there is one. */
function citationParts(c: Citation, cap: number): string[] {
  const parts = [literal(cutPlain(c.outlet ?? c.doc, cap))];
  if (c.title) {
    const title = `“${literal(cutPlain(c.title, cap))}”`;
    parts.push(c.url && isSafeUrl(c.url) ? `<${escapeMrkdwn(c.url)}|${title}>` : title);
  }
  if (c.published) parts.push(literal(c.published.slice(0, 10)));
  parts.push(`¶${c.paragraph}`);
  const provenance = provenanceNote(c);
  if (provenance) parts.push(`_(${literal(provenance)})_`);
  return parts;
}

/** Only plain http(s) addresses become links; anything with blanks, `<`, `>` or `|` could break out of `<url|label>`. */
function isSafeUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>|]+$/.test(url) && url.length <= 1000;
}

/** A context line built from parts, each capped at `cap` characters, shortening caps until it fits. */
function fitParts(build: (cap: number) => string): string {
  for (const cap of [300, 120, 40]) {
    const text = build(cap);
    if (text.length <= SLACK_LIMITS.contextElement) return text;
  }
  return build(10).slice(0, SLACK_LIMITS.contextElement);
}

function renderFields(fields: Array<{ label: string; value: string }>): SlackBlock[] {
  const rendered = fields.map((f) =>
    mrkdwn(
      fitRendered(f.value, SLACK_LIMITS.field - 200, (value, cut) =>
        [`*${literal(cutPlain(f.label, 60))}*`, literal(value) + (cut ? "…" : "")].join("\n"),
      ),
    ),
  );
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < rendered.length; i += SLACK_LIMITS.fieldsPerSection) {
    blocks.push({ type: "section", fields: rendered.slice(i, i + SLACK_LIMITS.fieldsPerSection) });
  }
  return blocks;
}

function renderActions(actions: Action[]): SlackBlock[] {
  const buttons: SlackButton[] = [];
  for (const action of actions) {
    const actionId = ACTION_IDS[action.kind];
    // A value Slack would cut short could not be decoded on click: leave that button out rather than break it.
    if (action.value.length > SLACK_LIMITS.buttonValue) continue;
    if (buttons.some((b) => b.action_id === actionId)) continue;
    buttons.push({
      type: "button",
      text: { type: "plain_text", text: cutPlain(action.label, SLACK_LIMITS.buttonText) },
      action_id: actionId,
      value: action.value,
    });
  }
  return buttons.length > 0 ? [{ type: "actions", elements: buttons }] : [];
}

function section(text: string, render: (text: string) => string): SlackBlock {
  return {
    type: "section",
    text: mrkdwn(fitRendered(text, SLACK_LIMITS.sectionText, (t, cut) => render(t) + (cut ? "…" : ""))),
  };
}

function contextLine(text: string, render: (text: string) => string): SlackBlock {
  const fitted = fitRendered(text, SLACK_LIMITS.contextElement, (t, cut) => render(t) + (cut ? "…" : ""));
  return { type: "context", elements: [mrkdwn(fitted)] };
}

/** The notification text: escaped (a `<!channel>` here would ping everyone), capped. */
function fallbackText(text: string): string {
  return fitRendered(text, SLACK_LIMITS.fallbackText, (t, cut) => escapeMrkdwn(t) + (cut ? "…" : ""));
}
