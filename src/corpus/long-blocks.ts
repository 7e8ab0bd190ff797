/**
 * A paragraph of news is a few hundred characters; a "paragraph" of megabytes is a file without line breaks (an
 * export on one line, a pasted dump). Work on a paragraph grows faster than its length in places (sentences,
 * quotations, names), so a block longer than `MAX_BLOCK` is cut into blocks of at most that length, at a
 * sentence end where there is one, else at a space. Offsets stay those of the text.
 */
import type { Block } from "./paragraphs.js";

/** Longer than any paragraph of the corpora we know (the longest is under 3,000 characters). */
export const MAX_BLOCK = 20_000;

export function limitBlockLength(text: string, blocks: readonly Block[], max = MAX_BLOCK): Block[] {
  if (blocks.every((b) => b.end - b.start <= max)) return blocks as Block[];
  const out: Block[] = [];
  for (const block of blocks) {
    let start = block.start;
    while (block.end - start > max) {
      const cut = cutPoint(text, start, start + max);
      pushTrimmed(out, text, start, cut);
      start = cut;
    }
    pushTrimmed(out, text, start, block.end);
  }
  return out;
}

/** The end of the last sentence in the second half of [from, to), else its last space, else `to`. */
function cutPoint(text: string, from: number, to: number): number {
  const half = from + Math.floor((to - from) / 2);
  let space = -1;
  for (let i = to - 1; i > half; i--) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) continue;
    const before = text.charCodeAt(i - 1);
    if (before === 0x2e || before === 0x21 || before === 0x3f) return i; // . ! ?
    if (space < 0) space = i;
  }
  if (space >= 0) return space;
  // No space at all: never between the two halves of a surrogate pair.
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff ? to - 1 : to;
}

function pushTrimmed(out: Block[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}
