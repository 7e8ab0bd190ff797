/**
 * Turning one decoded document into an `Article`: paragraphs with roles and offsets, and its metadata
 * (front matter or record fields first, then what the text itself says).
 */
import type { Article, Paragraph, ParagraphRole } from "./types.js";
import { normalizePublished } from "./dates.js";
import { numericDate, type FolderDefaults } from "./folder-defaults.js";
import { classifyPage } from "./furniture.js";
import { readFrontMatter } from "./frontmatter.js";
import { readMetadata } from "./metadata.js";
import { limitBlockLength } from "./long-blocks.js";
import { splitBlocks, type Block } from "./paragraphs.js";
import type { ArticleRecord } from "./records.js";

function paragraphsOf(doc: string, blocks: readonly Block[], roles: readonly ParagraphRole[]): Paragraph[] {
  return blocks.map((block, i) => ({
    id: `${doc}#p${i + 1}`,
    n: i + 1,
    start: block.start,
    end: block.end,
    role: roles[i] ?? "body",
  }));
}

export interface BuiltArticle {
  article: Article;
  /** Problems that do not stop the article from being served (e.g. invalid front matter). */
  warnings: string[];
}

/** How the corpus folder writes dates it gives as metadata (see folder-defaults.ts). */
type DateOrder = FolderDefaults["dateOrder"];

/** A date given as metadata: ISO or written out, or numeric ("03/04/2005") in the folder's order. */
function readPublished(value: string, order: DateOrder): string | null {
  return normalizePublished(value) ?? numericDate(value, order);
}

/** A .txt or .md file: optional YAML front matter, then the page. */
export function articleFromText(id: string, source: string, text: string, dateOrder: DateOrder = null): BuiltArticle {
  const warnings: string[] = [];
  const front = readFrontMatter(text);
  if (front?.problem) warnings.push(front.problem);
  const meta = front?.data ?? null;

  const blocks: Block[] = front ? [{ start: front.start, end: front.end, text: text.slice(front.start, front.end) }] : [];
  // One at a time: a file of millions of lines has more blocks than a call can take arguments.
  for (const block of limitBlockLength(text, splitBlocks(text, front ? front.end : 0))) blocks.push(block);
  const texts = blocks.map((b) => b.text);
  const layout = classifyPage(texts, {
    furniture: front ? new Set([0]) : undefined,
    ...(meta?.title ? { knownTitle: meta.title } : {}),
  });
  const found = readMetadata(texts, layout);

  let published = found.published;
  if (meta?.published) {
    const given = readPublished(meta.published, dateOrder);
    if (given === null) warnings.push(`front matter: published "${meta.published}" is not a date; ignored`);
    published = given ?? found.published;
  }
  return {
    article: {
      id,
      text,
      title: meta?.title ?? found.title,
      outlet: meta?.outlet ?? found.outlet,
      url: meta?.url ?? null,
      published,
      author: meta?.author ?? null,
      language: meta?.language ?? null,
      dateline: found.dateline,
      paragraphs: paragraphsOf(id, blocks, layout.roles),
      source,
    },
    warnings,
  };
}

/** A JSON/JSONL record: the text is its body; its title is metadata (a block repeating it is the headline). */
export function articleFromRecord(record: ArticleRecord, source: string, dateOrder: DateOrder = null): BuiltArticle {
  const warnings: string[] = [];
  const blocks = limitBlockLength(record.body, splitBlocks(record.body));
  const texts = blocks.map((b) => b.text);
  const layout = classifyPage(texts, { knownTitle: record.title });
  const found = readMetadata(texts, layout);
  let published = found.published;
  if (record.published) {
    const given = readPublished(record.published, dateOrder);
    if (given === null) warnings.push(`published "${record.published}" is not a date; ignored`);
    published = given ?? found.published;
  }
  return {
    article: {
      id: record.id,
      text: record.body,
      title: record.title,
      outlet: record.outlet ?? found.outlet,
      url: record.url,
      published,
      author: record.author,
      language: record.language,
      dateline: found.dateline,
      paragraphs: paragraphsOf(record.id, blocks, layout.roles),
      source,
    },
    warnings,
  };
}
