/**
 * Writes the held-out HTML pages: test/fixtures/html/heldout/articles-*.json hold articles written for Dateline
 * (invented places and people); each is rendered in a page layout the extractor's rules were NOT tuned on (a
 * live-blog timeline, an AMP page, a paywalled teaser whose full text is only in JSON-LD articleBody, related
 * boxes between paragraphs, a results table, a Czech portal in windows-1250, a Greek site in ISO-8859-7, a
 * newsletter, a Q&A interview, a photo essay, a match report with a scoreboard, a documentation-style blog with a
 * table of contents). Their F1 is reported apart from the tuning set's. `node dist/scripts/html-heldout-pages.js`
 * rewrites test/fixtures/html/heldout/pages/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encode, esc, filler, FIXTURE_DIR, jsonLd, pageFileName, readFixtureArticles, style, tableCells, type FixtureArticle } from "./html-fixture-pages.js";

export const HELDOUT_DIR = join(FIXTURE_DIR, "heldout");

const script = (seed: number, kb: number) => `<script>${filler(seed, kb * 1024)}</script>`;
const ld = (a: FixtureArticle, extra: Record<string, unknown> = {}) =>
  jsonLd({ "@context": "https://schema.org", "@type": "NewsArticle", headline: a.title, datePublished: a.published, author: a.author ? { "@type": "Person", name: a.author } : undefined, publisher: { "@type": "Organization", name: a.outlet }, ...extra });
const para = (t: string) => `<p>${esc(t)}</p>`;
const plain = (a: FixtureArticle) => a.paragraphs.map((p) => (p.startsWith("## ") ? `<h2>${esc(p.slice(3))}</h2>` : para(p)));
const head = (a: FixtureArticle, seed: number, extra = "") =>
  `<head><meta charset="${a.charset ?? "utf-8"}"><title>${esc(a.title)} | ${esc(a.outlet)}</title><meta name="viewport" content="width=device-width">${style(seed)}${script(seed, 30)}${extra}</head>`;
const siteNav = (a: FixtureArticle) =>
  `<div class="topbar"><a href="/">${esc(a.outlet)}</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a> <a href="/login">Log in</a></div>`;

const layouts: Record<string, (a: FixtureArticle, seed: number) => string> = {
  "liveblog-timeline": (a, seed) => {
    const times = ["13:42", "12:58", "12:15", "11:30", "07:02"];
    const entries = a.paragraphs.map((p, i) => `<div class="timeline__entry" id="e${i}"><div class="timeline__meta"><time datetime="2026-11-28T${times[i]}:00Z">${times[i]}</time> <span class="timeline__author">Newsdesk</span></div><div class="timeline__content">${para(p)}</div><div class="timeline__actions"><a href="#e${i}">Link to this post</a></div></div>`);
    return `<!DOCTYPE html><html lang="en">${head(a, seed, ld(a, { "@type": "LiveBlogPosting", coverageStartTime: a.published }))}<body>${siteNav(a)}
<div class="lb-header"><h1>${esc(a.title)}</h1><div class="lb-status">LIVE · Updated 13:42</div></div>
<div class="key-events"><h3>Key events</h3><ul>${a.paragraphs.slice(0, 3).map((p, i) => `<li><a href="#e${i}">${times[i]} ${esc(p.split(" ").slice(0, 8).join(" "))}</a></li>`).join("")}</ul></div>
<div class="timeline">${entries.join("\n")}</div><div class="lb-more"><a href="?page=2">Show older posts</a></div>${script(seed + 1, 60)}</body></html>`;
  },
  amp: (a, seed) =>
    `<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><script async src="https://cdn.ampproject.org/v0.js"></script><title>${esc(a.title)} - ${esc(a.outlet)}</title><link rel="canonical" href="https://${a.host}/2026/11/night-buses"><style amp-boilerplate>body{visibility:hidden}</style><style amp-custom>${style(seed).slice(7, -8)}</style>${ld(a, { image: "https://x.example/a.jpg" })}</head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/transport">Transport</a></li></ul></amp-sidebar>
<header class="amp-header"><a href="/">${esc(a.outlet)}</a></header><article class="amp-article"><h1 class="amp-title">${esc(a.title)}</h1><div class="amp-byline">By ${esc(a.author ?? "")} · 25 November 2026</div>
<amp-img src="bus.jpg" width="800" height="450" layout="responsive" alt="A night bus"></amp-img><div class="amp-body">${plain(a).slice(0, 2).join("")}<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/x"></amp-ad>${plain(a).slice(2).join("")}</div>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="email"></amp-social-share></article><footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`,
  "paywall-teaser": (a, seed) =>
    `<!DOCTYPE html><html lang="en">${head(a, seed, ld(a, { isAccessibleForFree: false, articleBody: a.paragraphs.join("\n"), hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywalled" } }))}<body>${siteNav(a)}
<main><article><h1>${esc(a.title)}</h1><p class="dek">A century of butter making in Ardmoyle comes to an end</p><div class="article-content">${plain(a).slice(0, 2).join("")}
<div class="paywalled"><div class="piano-offer"><h3>Keep reading for 1 euro</h3><p>You have reached the end of your free articles this month. Subscribe now for unlimited access to local news you can trust, from 1 euro for the first month.</p><a href="/subscribe">Subscribe</a> <a href="/login">Already a subscriber? Log in</a></div></div></div></article></main>${script(seed + 2, 40)}</body></html>`,
  "inline-related": (a, seed) => {
    const card = (t: string) => `<div class="inline-card"><span class="inline-card__label">Read more</span><a href="/x"><strong>${esc(t)}</strong> New timetable for the winter season takes effect next month</a></div>`;
    const parts = plain(a);
    return `<!DOCTYPE html><html lang="en">${head(a, seed, ld(a))}<body>${siteNav(a)}<div class="page"><h1>${esc(a.title)}</h1><div class="story-body">${parts[0]}${card("Ferries:")}${parts[1]}<blockquote class="pull-quote">We charge in port while the cars drive on and off</blockquote>${parts[2]}<div class="embed-container"><blockquote class="twitter-tweet"><p>Big news for the fjord: two electric ferries ordered today! #ferry</p>— Fjordlink (@fjordlink)</blockquote></div>${parts.slice(3).join("")}${card("Energy:")}</div></div>${script(seed + 3, 50)}</body></html>`;
  },
  "table-heavy": (a, seed) => {
    const rows = a.paragraphs.filter((p) => p.startsWith("| "));
    const text = a.paragraphs.filter((p) => !p.startsWith("| "));
    const table = `<table class="results-table"><thead><tr>${tableCells(rows[0]!).map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${rows.slice(1).map((r) => `<tr>${tableCells(r).map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
    return `<!DOCTYPE html><html lang="en">${head(a, seed, `<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(a.outlet)}"><meta property="article:published_time" content="${a.published}">`)}<body>${siteNav(a)}<div id="content"><h1>${esc(a.title)}</h1><div class="entry">${para(text[0]!)}${para(text[1]!)}${table}${para(text[2]!)}</div></div>${script(seed + 4, 40)}</body></html>`;
  },
  "czech-portal": (a, seed) =>
    `<!DOCTYPE html><html lang="cs"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>${esc(a.title)} - ${esc(a.outlet)}</title><meta property="og:site_name" content="${esc(a.outlet)}"><meta name="author" content="${esc(a.author ?? "")}"><meta property="article:published_time" content="${a.published}">${style(seed)}${script(seed, 30)}</head><body>
<div id="hlavicka"><a href="/">Zprávy</a> | <a href="/kraj">Kraj</a> | <a href="/sport">Sport</a> | <a href="/kultura">Kultura</a></div><div id="clanek"><h1>${esc(a.title)}</h1><div class="datum">14. listopadu 2026 8:45</div>
<div class="perex"><p>${esc(a.paragraphs[0]!)}</p></div><div class="text">${a.paragraphs.slice(1).map(para).join("")}</div><div class="souvisejici"><h4>Související články</h4><a href="/a">Oprava silnice v Kožlí začne v březnu</a></div></div>${script(seed + 5, 30)}</body></html>`,
  "greek-news": (a, seed) =>
    `<!DOCTYPE html><html lang="el"><head><meta charset="iso-8859-7"><title>${esc(a.title)} | ${esc(a.outlet)}</title>${ld(a)}${style(seed)}</head><body>${siteNav(a)}<div class="container"><div class="row"><div class="col-md-8"><h1 class="entry-title">${esc(a.title)}</h1><span class="posted-on">12/11/2026</span><div class="entry-content">${plain(a).join("")}</div></div><div class="col-md-4"><div class="widget"><h4>Δημοφιλή</h4><ul><li><a href="/1">Κλειστός ο δρόμος προς το λιμάνι λόγω έργων</a></li><li><a href="/2">Νέα δρομολόγια για το πλοίο της γραμμής</a></li></ul></div></div></div></div>${script(seed + 6, 40)}</body></html>`,
  newsletter: (a, seed) =>
    `<!DOCTYPE html><html lang="en">${head(a, seed, ld(a, { "@type": "NewsArticle" }))}<body><div class="main-menu"><a href="/">${esc(a.outlet)}</a><a href="/archive">Archive</a><a href="/about">About</a></div>
<div class="post"><h1 class="post-title">${esc(a.title)}</h1><h3 class="subtitle">Notes from the quayside, every Tuesday</h3><div class="post-meta">${esc(a.author ?? "")} · Nov 10, 2026</div>
<div class="available-content"><div class="body markup">${plain(a).slice(0, 3).join("")}<div class="subscription-widget-wrap"><p>The Harbour Letter is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.</p><input type="email" placeholder="Type your email"><button>Subscribe</button></div>${plain(a).slice(3).join("")}</div></div>
<div class="post-footer"><a href="#">Like</a> <a href="#">Comment</a> <a href="#">Restack</a></div></div>${script(seed + 7, 40)}</body></html>`,
  "interview-qa": (a, seed) => {
    const body = a.paragraphs.map((p) => (p.startsWith("Q: ") ? `<p><strong>Q: ${esc(p.slice(3))}</strong></p>` : p.startsWith("A: ") ? `<p><b>A:</b> ${esc(p.slice(3))}</p>` : `<p class="intro"><em>${esc(p)}</em></p>`));
    return `<!DOCTYPE html><html lang="en">${head(a, seed, ld(a))}<body>${siteNav(a)}<main><h1>${esc(a.title)}</h1><div class="interview">${body.join("")}</div><p class="edited-note"><small>This interview has been edited for length.</small></p></main>${script(seed + 8, 30)}</body></html>`;
  },
  "photo-essay": (a, seed) => {
    const photo = (i: number) => `<figure class="photo"><img src="p${i}.jpg" alt=""><figcaption>Photograph ${i}: sheep on the high ground above the river at dawn, with the old drove road in the distance. Photo: Ruairi Macleod / Highland Review</figcaption></figure>`;
    return `<!DOCTYPE html><html lang="en">${head(a, seed, ld(a))}<body>${siteNav(a)}<div class="essay"><h1>${esc(a.title)}</h1>${photo(1)}${a.paragraphs.map((p, i) => `<div class="essay-text">${para(p)}</div>${photo(i + 2)}`).join("")}</div>${script(seed + 9, 40)}</body></html>`;
  },
  "match-report": (a, seed) =>
    `<!DOCTYPE html><html lang="en">${head(a, seed, ld(a))}<body>${siteNav(a)}<div class="scoreboard"><span class="team">Kelby</span> <span class="score">2 - 1</span> <span class="team">Arnfield</span><div class="scorers">Holm 11', Lind 44' · Berg 70'</div></div>
<div class="report"><h1>${esc(a.title)}</h1>${plain(a).join("")}</div><div class="match-stats"><h3>Match stats</h3><dl><dt>Possession</dt><dd>46% - 54%</dd><dt>Shots</dt><dd>9 - 14</dd><dt>Corners</dt><dd>3 - 8</dd></dl></div>${script(seed + 10, 40)}</body></html>`,
  "docs-blog": (a, seed) => {
    const headings = a.paragraphs.filter((p) => p.startsWith("## ")).map((p) => p.slice(3));
    const toc = `<div class="toc"><strong>Contents</strong><ul>${headings.map((h, i) => `<li><a href="#s${i}">${esc(h)}</a></li>`).join("")}</ul></div>`;
    return `<!DOCTYPE html><html lang="en">${head(a, seed, `<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(a.outlet)}"><meta name="date" content="${a.published}"><meta name="author" content="${esc(a.author ?? "")}">`)}<body>${siteNav(a)}<main><div class="post-content"><h1>${esc(a.title)}</h1>${toc}${plain(a).join("")}<p class="post-tags">Filed under: <a href="/t/roads">roads</a>, <a href="/t/budget">budget</a></p></div></main>${script(seed + 11, 30)}</body></html>`;
  },
};

export function renderHeldoutPage(a: FixtureArticle, seed: number): Uint8Array {
  const layout = layouts[a.layout];
  if (!layout) throw new Error(`unknown layout ${a.layout}`);
  return encode(layout(a, seed), a.charset);
}

function main(): void {
  const out = join(HELDOUT_DIR, "pages");
  mkdirSync(out, { recursive: true });
  const articles = readFixtureArticles(HELDOUT_DIR);
  for (const [i, a] of articles.entries()) writeFileSync(join(out, pageFileName(a)), renderHeldoutPage(a, 5000 + i * 41));
  console.log(`wrote ${articles.length} pages to ${out}`);
}

if (process.argv[1]?.endsWith("html-heldout-pages.js")) main();
