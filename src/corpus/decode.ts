/**
 * Bytes -> text. UTF-8 first. A file that is not valid UTF-8 throughout is one of two things, told apart by its
 * bytes: a UTF-8 file with a few damaged bytes (it has valid multi-byte characters, at least half as many as bad
 * bytes), decoded as UTF-8 with only the bad bytes replaced by U+FFFD, so that every valid character is kept; or a
 * Windows-1252 / Latin-1 file (the usual encoding fault in newsroom archives: its accented letters are not valid
 * UTF-8, and hardly ever form a valid sequence by chance), decoded as Windows-1252. The caller records a warning.
 *
 * Byte order marks are not part of the text: a UTF-8 BOM is dropped before decoding, so `Article.text`
 * (and every offset into it) starts at the first real character. A UTF-16 BOM selects UTF-16.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** UTF-8 with damaged bytes: how many bytes were replaced by U+FFFD. */
  replacedBytes?: number;
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F; the five undefined bytes keep their Latin-1 value. */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    const code = byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte;
    chars[i] = String.fromCharCode(code);
  }
  return chars.join("");
}

function hasBom(bytes: Uint8Array, ...bom: number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

/** A file with NUL bytes is not text (UTF-16 with a BOM excepted, which `decodeBytes` handles). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasBom(bytes, 0xff, 0xfe) || hasBom(bytes, 0xfe, 0xff)) return false;
  return bytes.includes(0);
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (hasBom(bytes, 0xff, 0xfe)) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (hasBom(bytes, 0xfe, 0xff)) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  try {
    // TextDecoder drops a leading UTF-8 BOM (ignoreBOM defaults to false).
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const { valid, invalid } = utf8Census(bytes);
    if (valid > 0 && valid * 2 >= invalid) {
      return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", replacedBytes: invalid };
    }
    const body = hasBom(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

/** Valid multi-byte UTF-8 characters, and bytes that belong to none (the rules of RFC 3629: no overlong forms,
 *  no surrogates, nothing above U+10FFFF). One pass, no allocation. */
export function utf8Census(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    // The second byte's range is narrower after E0, ED, F0 and F4.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let ok = length > 0 && i + length <= bytes.length && bytes[i + 1]! >= low && bytes[i + 1]! <= high;
    for (let k = 2; ok && k < length; k++) ok = bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}
