/**
 * Chat text -> arguments. `/sources POW video outlet:TASS "prisoners of war"` becomes
 * words ["POW", "video"], phrases ["prisoners of war"], filters { outlet: "TASS" }.
 */

export interface ParsedArgs {
  /** The text after the command name, trimmed. */
  raw: string;
  /** Bare words, in order (quoted phrases and filters excluded). */
  words: string[];
  /** Quoted phrases, in order, without their quotation marks. */
  phrases: string[];
  /** `key:value` pairs; keys lower-cased; a quoted value may contain spaces (`by:"Maria Zakharova"`). */
  filters: Record<string, string>;
  /** Bare words and quoted phrases in their original order, phrases kept whole. */
  terms: Array<{ text: string; phrase: boolean }>;
}

const OPEN_QUOTES = `"“„«`;
const CLOSE_FOR: Record<string, string> = { '"': '"', "“": "”", "„": "“", "«": "»" };

export function parseArgs(text: string): ParsedArgs {
  const raw = text.trim();
  const words: string[] = [];
  const phrases: string[] = [];
  // Keys are typed by the user ("__proto__:x" too): no prototype.
  const filters: Record<string, string> = Object.create(null) as Record<string, string>;
  const terms: ParsedArgs["terms"] = [];
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
    if (i >= raw.length) break;
    const ch = raw[i]!;
    if (OPEN_QUOTES.includes(ch)) {
      const { value, next } = readQuoted(raw, i);
      if (value.trim()) {
        phrases.push(value.trim());
        terms.push({ text: value.trim(), phrase: true });
      }
      i = next;
      continue;
    }
    const filter = /^([A-Za-z][A-Za-z_-]*):(?=\S)/.exec(raw.slice(i));
    if (filter) {
      const key = filter[1]!.toLowerCase();
      let j = i + filter[0].length;
      let value: string;
      if (OPEN_QUOTES.includes(raw[j]!)) {
        const quoted = readQuoted(raw, j);
        value = quoted.value.trim();
        j = quoted.next;
      } else {
        const start = j;
        while (j < raw.length && !/\s/.test(raw[j]!)) j++;
        value = raw.slice(start, j);
      }
      filters[key] = value;
      i = j;
      continue;
    }
    const start = i;
    while (i < raw.length && !/\s/.test(raw[i]!)) i++;
    const word = raw.slice(start, i);
    words.push(word);
    terms.push({ text: word, phrase: false });
  }
  return { raw, words, phrases, filters, terms };
}

function readQuoted(text: string, at: number): { value: string; next: number } {
  const close = CLOSE_FOR[text[at]!] ?? '"';
  const end = text.indexOf(close, at + 1);
  // An unclosed quotation mark takes the rest of the text.
  if (end < 0) return { value: text.slice(at + 1), next: text.length };
  return { value: text.slice(at + 1, end), next: end + 1 };
}

/** Splits "/name rest of text" into the command name (lower-cased, without "/") and the rest. */
export function splitCommand(input: string): { name: string; rest: string } | null {
  const match = /^\s*\/?([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/.exec(input);
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), rest: (match[2] ?? "").trim() };
}
