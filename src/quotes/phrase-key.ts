import { foldText } from "../text/fold.js";

/**
 * A text as phrases are matched in it, and as repeats are recognised: folded (case, diacritics), every run of
 * other characters than letters and digits one space, none at either end.
 */
export function phraseKey(text: string): string {
  return asciiPhraseKey(text) ?? foldedPhraseKey(text);
}

/** The definition, for any text. */
export function foldedPhraseKey(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

let buffer = new Uint8Array(1024);
const latin1 = new TextDecoder("latin1");

/**
 * The same for a text of ASCII characters alone (nearly every quotation), in one pass: folding is then lower
 * casing, and letters and digits are a-z and 0-9. Every quotation is keyed when the book is built, and the
 * general way costs several times more. Null when the text has another character.
 */
function asciiPhraseKey(text: string): string | null {
  if (buffer.length < text.length) buffer = new Uint8Array(text.length * 2);
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x80) return null;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    else if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) {
      gap = length > 0;
      continue;
    }
    if (gap) {
      buffer[length++] = 0x20;
      gap = false;
    }
    buffer[length++] = code;
  }
  return latin1.decode(buffer.subarray(0, length));
}
