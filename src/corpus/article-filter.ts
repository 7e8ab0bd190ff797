/** The outlet and date filters of /sources and /quote, read the same way by both. */
import { foldText } from "../text/fold.js";
import type { Article } from "./types.js";

export interface ArticleFilterQuery {
  /** Outlet name filter (case- and diacritic-insensitive substring of the article's outlet). */
  outlet?: string;
  /** Publication dates, inclusive, as YYYY-MM-DD. */
  after?: string;
  before?: string;
}

/** The outlet and date filters as one predicate, or null when the query has none. */
export function articleFilter(query: ArticleFilterQuery): ((article: Article) => boolean) | null {
  const outlet = query.outlet ? foldText(query.outlet).trim() : "";
  const { after, before } = query;
  if (!outlet && !after && !before) return null;
  return (article) => {
    if (outlet && !(article.outlet && foldText(article.outlet).includes(outlet))) return false;
    if (after || before) {
      const date = article.published?.slice(0, 10);
      if (!date) return false;
      if (after && date < after) return false;
      if (before && date > before) return false;
    }
    return true;
  };
}
