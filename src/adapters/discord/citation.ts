import { LIMITS } from "./limits.js";
import { provenanceNote, type Citation } from "../../core/reply.js";

/**
 * "Outlet · ¶N · date", then the document's provenance note (a feed summary, not the page), then any notes
 * ("uncertain attribution", "3 outlets · 2 wordings"). Plain text.
 */
export function footerLine(c: Citation, notes: readonly string[] = []): string {
  const parts = [c.outlet?.trim() || c.doc, `¶${c.paragraph}`];
  if (c.published?.trim()) parts.push(c.published.trim().slice(0, 10));
  const provenance = provenanceNote(c);
  if (provenance) parts.push(`(${provenance})`);
  return [...parts, ...notes].join(" · ");
}

/** Discord rejects the whole message when an embed url is not an http(s) URL, so a bad one is left out. */
export function citationUrlOk(url: string): boolean {
  if (url.length > LIMITS.url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}
