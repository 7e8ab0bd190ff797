/** A web page in the corpus (.html, .htm, .html.gz) -> its article, or a problem naming why it was kept out. */
import { extractHtmlArticle } from "../html/extract.js";
import { readDateline } from "./dateline.js";
import type { Article, CorpusProblem } from "./types.js";

export function readHtmlFile(relPath: string, bytes: Uint8Array, articleId: string = relPath): { articles: Article[]; problems: CorpusProblem[] } {
  const extracted = extractHtmlArticle(bytes, relPath);
  if (!extracted.ok) return { articles: [], problems: [{ file: relPath, severity: "error", message: `${extracted.reason}: skipped` }] };
  const { paragraphs, origin, encoding, ...fields } = extracted.article;
  const problems: CorpusProblem[] = [];
  if (encoding === "windows-1252" && !/charset/i.test(new TextDecoder("latin1").decode(bytes.subarray(0, 4096)))) {
    problems.push({ file: relPath, severity: "warning", message: "no charset declared and not valid UTF-8: decoded as Windows-1252" });
  }
  const firstBody = paragraphs.find((p) => p.role === "body");
  const article: Article = {
    id: articleId,
    ...fields,
    // The city of a wire story's opening ("FRANKFURT (CP) - ...").
    dateline: readDateline(firstBody ? fields.text.slice(firstBody.start, firstBody.end) : "")?.city ?? null,
    paragraphs: paragraphs.map((p, i) => ({ id: `${articleId}#p${i + 1}`, n: i + 1, ...p })),
    source: relPath,
    ...(origin === "feed-summary" ? { origin } : {}),
  };
  return { articles: [article], problems };
}
