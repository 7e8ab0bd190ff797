/** Reading web pages: the story's paragraphs and offsets, the metadata's order of trust, charsets, and refusals. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeWindows1252 } from "../../src/corpus/decode.js";
import { decodeWindows1252Fast } from "../../src/html/charset.js";
import { extractHtmlArticle, pageWithoutCode, withoutCode, type HtmlArticle } from "../../src/html/extract.js";
import { sourceHeaderLine } from "../../src/html/source-header.js";

const story = [
  "The harbour authority said on Monday that the northern breakwater would be rebuilt over the next three summers, after winter storms opened a gap of almost forty metres in it.",
  "\"We cannot keep patching it,\" said Lena Haugland, the authority's chief engineer. \"Every repair we make is taken away by the next gale.\"",
  "The work is expected to cost 27 million kroner and will be paid for by the port's users through a levy on berth fees.",
];

function page(head: string, body = story.map((p) => `<p>${p}</p>`).join("\n"), extra = ""): string {
  return `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">${head}</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-notice">We use cookies to give you the best experience. Accept them to continue reading our journalism.</div>
<article><h1>Breakwater to be rebuilt</h1><div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>
<figure><img src="x.jpg"><figcaption>The gap in the breakwater after the January storm. Photo: Port authority</figcaption></figure>
${body}
<aside class="related-links"><h3>Related</h3><a href="/a">Ferry timetable changes this winter as the port works continue</a></aside>
${extra}</article>
<section id="comments"><p>This is a reader's comment, long enough to look like a paragraph of a story, about the breakwater and its history in the town.</p></section>
<footer>© 2026 Havnebladet</footer></body></html>`;
}

function read(html: string | Uint8Array, name = "page.html"): HtmlArticle {
  const result = extractHtmlArticle(typeof html === "string" ? Buffer.from(html) : html, name);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

const bodyTexts = (a: HtmlArticle) => a.paragraphs.filter((p) => p.role === "body").map((p) => a.text.slice(p.start, p.end));

describe("HTML article extraction", () => {
  it("keeps the story's paragraphs, leaves furniture out, and the offsets slice the text", () => {
    const a = read(page("<title>Breakwater to be rebuilt | Havnebladet</title>"));
    expect(bodyTexts(a)).toEqual(story);
    expect(a.paragraphs[0]).toMatchObject({ role: "headline", start: 0 });
    expect(a.text.slice(a.paragraphs[0]!.start, a.paragraphs[0]!.end)).toBe("Breakwater to be rebuilt");
    for (const banned of ["cookies", "Share on Facebook", "Photo: Port authority", "reader's comment", "Ferry timetable"]) {
      expect(a.text).not.toContain(banned);
    }
  });

  it("is deterministic: the same bytes give the same text and paragraphs", () => {
    const html = page("<title>Breakwater to be rebuilt</title>");
    expect(read(html)).toEqual(read(html));
  });

  it("takes metadata from JSON-LD first, then OpenGraph and meta tags, then <title> and the canonical link", () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"NewsArticle","headline":"Breakwater to be rebuilt over three summers","datePublished":"2026-02-03T08:00:00+01:00","author":[{"@type":"Person","name":"Kari Nord"},{"@type":"Person","name":"Ola Vik"}],"publisher":{"@type":"Organization","name":"Havnebladet"}}]}</script>`;
    const og = `<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site"><meta property="article:published_time" content="2025-01-01">`;
    const canonical = `<link rel="canonical" href="https://www.havnebladet.example/nyheter/breakwater">`;
    const full = read(page(`<title>Title tag | Havnebladet</title>${canonical}${og}${ld}`));
    expect(full).toMatchObject({ title: "Breakwater to be rebuilt over three summers", published: "2026-02-03T08:00:00+01:00", author: "Kari Nord and Ola Vik", outlet: "Havnebladet", url: "https://www.havnebladet.example/nyheter/breakwater", language: "nb" });

    const ogOnly = read(page(`<title>Title tag | Havnebladet</title>${canonical}${og}`));
    expect(ogOnly).toMatchObject({ title: "OG title", published: "2025-01-01", outlet: "OG Site" });

    const bare = read(page(`<title>Breakwater to be rebuilt | Havnebladet</title>${canonical}`));
    expect(bare).toMatchObject({ title: "Breakwater to be rebuilt", outlet: "havnebladet.example", published: null });
  });

  it("honours the declared charset, and reads gzip-compressed pages", () => {
    const html = page("<title>Breakwater</title>").replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">').replace("Lena Haugland", "Лена Хауглан");
    const table = new Map<string, number>();
    const decoder = new TextDecoder("windows-1251");
    for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
    const bytes = Uint8Array.from([...html].map((ch) => table.get(ch) ?? 63));
    expect(read(bytes).text).toContain("said Лена Хауглан, the authority's chief engineer");
    // Windows-1252's curly quotes (0x93, 0x94), which Node's own decoder reads as control characters.
    const curly = Buffer.from(page("<title>Breakwater to be rebuilt</title>").replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace('"We cannot', "\u0001We cannot"), "latin1");
    curly[curly.indexOf(1)] = 0x93;
    expect(read(curly).text).toContain("“We cannot keep patching it");
    expect(bodyTexts(read(gzipSync(Buffer.from(page("<title>Breakwater to be rebuilt</title>"))), "page.html.gz"))).toEqual(story);
  });

  it("uses the transport charset, URL and date a stored feed item carries in its header", () => {
    const body = Buffer.from(page("<title>Breakwater</title>").replace('<meta charset="utf-8">', ""), "latin1");
    const header = sourceHeaderLine({ url: "https://havnebladet.example/a", fetched: "2026-02-03T10:00:00Z", charset: "iso-8859-1", origin: "page", feed: null, published: "2026-02-03T09:30:00.000Z" });
    const a = read(Buffer.concat([Buffer.from(header), body]));
    // The page declares no date: the feed's date stands in.
    expect(a).toMatchObject({ url: "https://havnebladet.example/a", outlet: "havnebladet.example", origin: "page", published: "2026-02-03T09:30:00.000Z" });
  });

  it("refuses pages that are not articles, with a reason", () => {
    const index = `<html><head><title>News</title></head><body><main>${Array.from({ length: 30 }, (_, i) => `<div class="teaser"><h2><a href="/s/${i}">Headline number ${i} about the harbour and the town's plans for the coming winter season</a></h2></div>`).join("")}</main></body></html>`;
    expect(extractHtmlArticle(Buffer.from(index), "index.html")).toMatchObject({ ok: false, reason: expect.stringMatching(/not an article/) });
    const wall = `<html><head><title>Sign in</title></head><body><form><p>Subscribe or sign in to read this article.</p><input type="email"><input type="password"><button>Sign in</button></form></body></html>`;
    expect(extractHtmlArticle(Buffer.from(wall), "wall.html")).toMatchObject({ ok: false, reason: expect.stringMatching(/not an article/) });
    expect(extractHtmlArticle(Buffer.from("just some words, no markup at all"), "x.html")).toMatchObject({ ok: false, reason: expect.stringMatching(/not an HTML page/) });
  });

  it("refuses HTML bombs: deep nesting, huge pages, gzip bombs, broken gzip", () => {
    const deep = `<html><body>${"<div>".repeat(50_000)}x${"</div>".repeat(50_000)}</body></html>`;
    expect(extractHtmlArticle(Buffer.from(deep), "deep.html")).toMatchObject({ ok: false, reason: expect.stringMatching(/nested more than/) });
    const huge = Buffer.alloc(9 * 1024 * 1024, "a");
    expect(extractHtmlArticle(huge, "huge.html")).toMatchObject({ ok: false, reason: expect.stringMatching(/MB of HTML/) });
    expect(extractHtmlArticle(gzipSync(huge), "huge.html.gz")).toMatchObject({ ok: false, reason: expect.stringMatching(/decompresses to more than/) });
    expect(extractHtmlArticle(Buffer.from("not gzip"), "x.html.gz")).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid gzip/) });
  });

  it("reads every fixture page with paragraphs that slice its text", () => {
    const dir = join(import.meta.dirname, "..", "fixtures", "html", "pages");
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const name of names) {
      const a = read(readFileSync(join(dir, name)), name);
      const ends = a.paragraphs.map((p) => [p.start, p.end]);
      // In order, not overlapping, each paragraph a trimmed, non-empty slice.
      for (const [i, [start, end]] of ends.entries()) {
        expect(end).toBeGreaterThan(start!);
        if (i > 0) expect(start).toBeGreaterThan(ends[i - 1]![1]!);
        expect(a.text.slice(start, end).trim()).toBe(a.text.slice(start, end));
      }
    }
  });
});

describe("code cut from the bytes before decoding", () => {
  it("reads Windows-1252 as the byte-by-byte table does, for every byte", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1252Fast(all)).toBe(decodeWindows1252(all));
  });

  it("gives the text that decoding first and cutting after gives, in UTF-8 and in single-byte encodings", () => {
    const html = `<html><head><meta charset="UTF"><script>var s = "é</scr" + "ipt>«»";</script><style>p::after{content:"—"}</style>
<script type="application/ld+json">{"headline":"Ёлки – «café»"}</script></head><body><!-- коммент — --><p>Été à Kyïv — «ёлки»…</p>é<br><br>ü<br/> <br>日本語<svg><text>ø</text></svg>€</body></html>`;
    for (const encoding of ["utf-8", "windows-1251", "windows-1252"]) {
      const bytes = encoding === "utf-8" ? Buffer.from(html, "utf8") : encode(html, encoding);
      // Node's TextDecoder reads "windows-1252" as Latin-1: the reader's own table is the reference.
      const decoded = encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
      expect(pageWithoutCode(bytes, encoding), encoding).toBe(withoutCode(decoded));
    }
  });
});

/** `text` in a single-byte encoding (characters it lacks become "?"). */
function encode(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  const decoded = encoding === "windows-1252" ? decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i)) : new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  [...decoded].forEach((c, i) => table.set(c, i));
  return Uint8Array.from([...text].map((c) => table.get(c) ?? 0x3f));
}

describe("a paywalled teaser", () => {
  const ldWith = (body: string) => `<script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "Breakwater to be rebuilt", isAccessibleForFree: false, articleBody: body })}</script>`;
  const teaser = `<p>${story[0]}</p><div class="paywall"><p>Subscribe to keep reading.</p></div>`;

  it("reads the whole story from JSON-LD articleBody when the page shows only its start", () => {
    const longer = [...story, "The levy will be reviewed after the first summer of work, the authority said, once the contractors have reported on the state of the foundations."];
    const result = extractHtmlArticle(Buffer.from(page(ldWith(longer.join("\n")), teaser)), "teaser.html");
    expect(result.ok).toBe(true);
    const a = (result as { article: HtmlArticle }).article;
    expect(a.paragraphs.filter((p) => p.role === "body").map((p) => a.text.slice(p.start, p.end))).toEqual(longer);
  });

  it("keeps the page's own story when the declared body is not longer, or does not begin with it", () => {
    const same = extractHtmlArticle(Buffer.from(page(ldWith(story.join("\n")))), "same.html");
    const other = extractHtmlArticle(Buffer.from(page(ldWith("An unrelated text about something else entirely. ".repeat(40)))), "other.html");
    for (const result of [same, other]) {
      const a = (result as { article: HtmlArticle }).article;
      expect(a.paragraphs.filter((p) => p.role === "body").map((p) => a.text.slice(p.start, p.end))).toEqual(story);
    }
  });
});
