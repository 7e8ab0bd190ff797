/**
 * Why an outlet or date filter left nothing to show, in the corpus's own terms: its articles name no outlet or give
 * no date at all (a folder can declare them in `dateline.yml`), no outlet is called what was typed (the outlets it
 * has are listed), or the dates asked for lie outside the corpus's. Null when the filters are not the reason.
 * Compares outlets as the filters do (folded, "contains"); read only when an answer came back empty.
 */
import { foldText } from "../text/fold.js";
import { FOLDER_DEFAULTS_FILE } from "./folder-defaults.js";
import type { Article } from "./types.js";

export interface ArticleFilters {
  outlet?: string | undefined;
  after?: string | undefined;
  before?: string | undefined;
}

const SHOWN_OUTLETS = 5;

export function filterExplanation(articles: Iterable<Article>, filters: ArticleFilters): string | null {
  const wanted = filters.outlet ? foldText(filters.outlet).trim() : "";
  const byDate = Boolean(filters.after || filters.before);
  if (!wanted && !byDate) return null;
  const outlets = new Map<string, number>();
  let first: string | null = null;
  let last: string | null = null;
  for (const article of articles) {
    if (article.outlet) outlets.set(article.outlet, (outlets.get(article.outlet) ?? 0) + 1);
    const date = article.published?.slice(0, 10);
    if (!date) continue;
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  const notes: string[] = [];
  if (wanted) {
    if (outlets.size === 0) {
      notes.push(`No article in this corpus names its outlet (a corpus folder can declare one in ${FOLDER_DEFAULTS_FILE}).`);
    } else if (![...outlets.keys()].some((name) => foldText(name).includes(wanted))) {
      const most = [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, SHOWN_OUTLETS);
      const more = outlets.size > most.length ? `, and ${outlets.size - most.length} more` : "";
      notes.push(`No outlet is called “${filters.outlet!.trim()}”; the corpus has ${most.map(([name]) => name).join(", ")}${more}.`);
    }
  }
  if (byDate) {
    if (first === null || last === null) {
      notes.push(`No article in this corpus has a publication date (a corpus folder can declare its dates in ${FOLDER_DEFAULTS_FILE}).`);
    } else if ((filters.after && filters.after > last) || (filters.before && filters.before < first)) {
      notes.push(`The corpus's articles are dated ${first} to ${last}.`);
    }
  }
  return notes.length > 0 ? notes.join(" ") : null;
}
