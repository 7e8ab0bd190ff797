/** The passages both engines index: each article's non-furniture paragraphs, as plain MiniSearch documents. */
import type { Article } from "../src/corpus/types.js";
import { indexedParagraphs } from "./replicate.js";

export interface PassageDoc {
  /** The paragraph id, `${doc}#p${n}`. */
  id: string;
  text: string;
}

export function passageDocs(articles: readonly Article[]): PassageDoc[] {
  const docs: PassageDoc[] = [];
  for (const a of articles) {
    for (const p of indexedParagraphs(a)) docs.push({ id: p.id, text: a.text.slice(p.start, p.end) });
  }
  return docs;
}

/** Total UTF-8 size of the passages' text: the numerator of every ingest throughput. */
export function passageBytes(docs: readonly PassageDoc[]): number {
  let bytes = 0;
  for (const d of docs) bytes += Buffer.byteLength(d.text, "utf8");
  return bytes;
}
