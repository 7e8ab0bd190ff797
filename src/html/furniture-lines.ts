/**
 * Lines the extractor kept that are page furniture all the same: they stay in the document text (numbered,
 * so that paragraph numbers are stable) but are never indexed or shown. Besides the corpus reader's own
 * markers ("Advertisement", "Read more", credits: corpus/furniture.ts): a short block that is mostly links
 * (a "Read more: <headline>" line, a row of navigation), a row of tools ("Print this story | Send to a friend"),
 * a copyright notice, a "Published: <date>" line and a comment count.
 */
import { isDateLine } from "../corpus/dates.js";
import { isFurnitureLine } from "../corpus/furniture.js";
import type { TextBlock } from "./blocks.js";

const LINK_SHARE = 0.6;
const SHORT_BLOCK = 300;

const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s)/i;
const DATE_LABEL = /^(?:published|updated|last updated|posted|posted on|first published)\b\s*:?\s*/i;
const COMMENT_COUNT = /^(?:(?:read|view|show|see)\s+(?:all\s+)?)?\d+\s+comments?\s*:?$/i;

/** "Print | Email | Share": two or more short items between bars, none of them a sentence. */
function isToolRow(text: string): boolean {
  const items = text.split(/\s+[|·•]\s+/);
  return items.length >= 2 && items.every((item) => item.split(/\s+/).length <= 4 && !/[.!?"“”]$/.test(item));
}

/** "March 14, 2026", "14/03/2026", "2026-03-14 10:00". */
const isDate = (text: string) => isDateLine(text) || /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s+\d{1,2}:\d{2})?$/.test(text.trim());

export function isPageFurniture(block: TextBlock): boolean {
  const text = block.text;
  if (isFurnitureLine(text)) return true;
  if (text.length < SHORT_BLOCK && block.linkChars >= text.length * LINK_SHARE) return true;
  if (COPYRIGHT.test(text) && (text.length < 200 || /rights reserved/i.test(text))) return true;
  if (text.length < 80 && DATE_LABEL.test(text) && isDate(text.replace(DATE_LABEL, ""))) return true;
  return COMMENT_COUNT.test(text) || isToolRow(text);
}
