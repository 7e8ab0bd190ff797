/**
 * The article's paragraphs from the page's own block structure: each block element (p, h2, li, blockquote,
 * pre, a div holding text directly, ...) with its inline text gathered and whitespace collapsed; a `<br>` ends
 * a block too (a headline above a date line, an address, a verse). Walked without recursion, so that
 * a deeply nested page cannot overflow the stack.
 */
import type { DomNode } from "./dom.js";

export interface TextBlock {
  text: string;
  /** The block's tag ("p", "h2", "li", ...). */
  tag: string;
  /** Characters of the text inside links (a block of nothing but links is navigation). */
  linkChars: number;
}

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt", "fieldset",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
  "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul", "caption",
]);

/** Never text of the article. */
const SKIPPED_TAGS = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "video", "audio", "canvas",
  "button", "select", "textarea", "input", "figcaption", "head", "title", "meta", "link",
]);


const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function blocksOf(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = "";
  // The innermost open block element: its tag names the paragraph.
  const openBlocks: string[] = [];
  let pendingBreaks = 0;
  let linkDepth = 0;
  let linkChars = 0;
  const flush = () => {
    const text = buffer.replace(/\s+/g, " ").trim();
    if (text !== "") blocks.push({ text, tag: openBlocks.at(-1) ?? "div", linkChars: Math.min(linkChars, text.length) });
    buffer = "";
    pendingBreaks = 0;
    linkChars = 0;
  };

  let node: DomNode | null = root.firstChild;
  const stack: DomNode[] = [];
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? "";
      if (pendingBreaks > 0 && /\S/.test(t)) flush();
      buffer += t;
      if (linkDepth > 0) linkChars += t.replace(/\s+/g, " ").trim().length;
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = node.nodeName.toLowerCase();
      if (tag === "br") pendingBreaks++;
      else if (!SKIPPED_TAGS.has(tag)) {
        if (BLOCK_TAGS.has(tag)) {
          flush();
          openBlocks.push(tag);
        }
        descend = node.firstChild !== null;
        if (!descend && BLOCK_TAGS.has(tag)) openBlocks.pop();
        if (descend && tag === "a") linkDepth++;
      }
    }
    if (descend) {
      stack.push(node);
      node = node.firstChild;
      continue;
    }
    // Up to the next sibling, closing the blocks left on the way.
    while (node && !node.nextSibling) {
      node = stack.pop() ?? null;
      const tag = node?.nodeName.toLowerCase() ?? "";
      if (tag === "a") linkDepth--;
      else if (BLOCK_TAGS.has(tag)) {
        flush();
        openBlocks.pop();
      }
    }
    node = node?.nextSibling ?? null;
  }
  flush();
  return blocks;
}
