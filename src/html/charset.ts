/**
 * Bytes of a web page -> text, honouring the character set the page declares (WHATWG order, simplified):
 * a byte order mark, then the transport's charset (a fetched page's Content-Type, kept in the stored file's
 * Dateline header), then a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KB, else UTF-8
 * when the bytes are valid UTF-8, else Windows-1252 (what browsers assume for a Western page with no label).
 *
 * Node's TextDecoder reads "windows-1252" (and its aliases "iso-8859-1", "latin1") as plain Latin-1, turning
 * curly quotes and dashes (0x80-0x9F) into control characters: those pages go through our own table.
 */
import { isUtf8 } from "node:buffer";
import { decodeWindows1252 } from "../corpus/decode.js";

/**
 * Windows-1252 as Latin-1 (one native decode) with the few characters of 0x80-0x9F mapped after: the same text
 * as decodeWindows1252, without a string per byte (a page is hundreds of KB).
 */
export function decodeWindows1252Fast(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => decodeWindows1252(Uint8Array.of(c.charCodeAt(0)))) : text;
}

export interface DecodedPage {
  text: string;
  /** The encoding used, as the WHATWG name TextDecoder reports ("utf-8", "windows-1251", ...). */
  encoding: string;
  /** How it was chosen. */
  from: "bom" | "transport" | "meta" | "valid-utf-8" | "fallback";
}

/** How far into the page a `<meta charset>` is looked for (browsers use 1,024 bytes; real pages overrun it). */
const PRESCAN_BYTES = 4096;

/** The TextDecoder for a label, or null when Node does not know it. */
function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    // A label of a UTF-16 variant in a meta tag means UTF-8 (the meta tag could not have been read otherwise).
    const decoder = new TextDecoder(label.trim().toLowerCase());
    return decoder.encoding.startsWith("utf-16") ? new TextDecoder("utf-8") : decoder;
  } catch {
    return null;
  }
}

/** The charset a `<meta>` tag near the top of the page declares, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

/** The charset of a "text/html; charset=..." Content-Type value. */
export function contentTypeCharset(contentType: string | null | undefined): string | null {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1] ?? null;
}

/** The encoding a page is in and how it was chosen, without decoding it; `skip`: bytes of a byte order mark. */
export interface PageEncoding {
  encoding: string;
  from: DecodedPage["from"];
  skip: number;
}

export function pageEncoding(bytes: Uint8Array, transportCharset: string | null = null): PageEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", from: "bom", skip: 3 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { encoding: bytes[0] === 0xff ? "utf-16le" : "utf-16be", from: "bom", skip: 2 };
  }
  for (const [label, from] of [
    [transportCharset, "transport"],
    [declaredCharset(bytes), "meta"],
  ] as const) {
    const decoder = label ? decoderFor(label) : null;
    if (decoder) return { encoding: decoder.encoding, from, skip: 0 };
  }
  return isUtf8(bytes) ? { encoding: "utf-8", from: "valid-utf-8", skip: 0 } : { encoding: "windows-1252", from: "fallback", skip: 0 };
}

/** Bytes -> text in an encoding `pageEncoding` chose (so Node knows its name). */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  return encoding === "windows-1252" ? decodeWindows1252Fast(bytes) : new TextDecoder(encoding).decode(bytes);
}

/**
 * Whether every byte below 0x80 in the encoding stands for its ASCII character and never for part of another
 * one: then markup (ASCII) can be found and cut in the bytes, read as Latin-1, before decoding.
 */
export function asciiCompatible(encoding: string): boolean {
  return encoding === "utf-8" || /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic|euc-kr|euc-jp)$/.test(encoding);
}

export function decodePage(bytes: Uint8Array, transportCharset: string | null = null): DecodedPage {
  const { encoding, from, skip } = pageEncoding(bytes, transportCharset);
  return { text: decodeAs(skip > 0 ? bytes.subarray(skip) : bytes, encoding), encoding, from };
}
