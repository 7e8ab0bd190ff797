/**
 * Bytes -> text. UTF-8 first; bytes that are not valid UTF-8 are read as Windows-1252 (the usual encoding
 * fault in newsroom archives), and the caller records a warning.
 *
 * Byte order marks are not part of the text: a UTF-8 BOM is dropped before decoding, so `Article.text`
 * (and every offset into it) starts at the first real character. A UTF-16 BOM selects UTF-16.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
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
    const body = hasBom(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}
