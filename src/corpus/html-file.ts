/** A web page in the corpus (.html, .htm, .html.gz) -> its article, or a problem naming why it was kept out. */
import { extractHtmlArticle } from "../html/extract.js";
import type { Article, CorpusProblem } from "./types.js";

export function readHtmlFile(relPath: string, bytes: Uint8Array, articleId: string = relPath): { articles: Article[]; problems: CorpusProblem[] } {
  const extracted = extractHtmlArticle(bytes, relPath);
  if (!extracted.ok) return { articles: [], problems: [{ file: relPath, severity: "error", message: `${extracted.reason}: skipped` }] };
  const a = extracted.article;
  const problems: CorpusProblem[] = [];
  if (a.encoding === "windows-1252" && !/charset/i.test(new TextDecoder("latin1").decode(bytes.subarray(0, 4096)))) {
    problems.push({ file: relPath, severity: "warning", message: "no charset declared and not valid UTF-8: decoded as Windows-1252" });
  }
  const article: Article = {
    id: articleId,
    text: a.text,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
    author: a.author,
    language: a.language,
    dateline: null,
    paragraphs: a.paragraphs.map((p, i) => ({ id: `${articleId}#p${i + 1}`, n: i + 1, ...p })),
    source: relPath,
    ...(a.origin === "feed-summary" ? { origin: "feed-summary" as const } : {}),
  };
  return { articles: [article], problems };
}
