/**
 * Writes the HTML extraction fixtures: test/fixtures/html/articles-*.json hold articles written for Dateline
 * (original text, invented places and people) with their metadata; this renders each into a web page in the
 * style of one of several publishing systems (WordPress, Arc, Drupal, Ghost, Blogger, a wire service, a Next.js
 * newspaper, a live blog, an old table layout, a Russian regional site), with the furniture such pages carry
 * (navigation, cookie notices, share bars, related links, newsletter boxes, advertisements, captions and credits,
 * comments, scripts and styles) and the metadata variants they declare (JSON-LD, OpenGraph, meta tags, <title>),
 * in the article's charset. Like real news pages, most of each page's bytes are inline scripts and styles (here
 * deterministic filler: 40-200 KB a page). `node dist/scripts/html-fixture-pages.js` rewrites test/fixtures/html/pages/.
 * The pages are committed; the articles' paragraphs are the text the extractor is expected to find.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { decodeWindows1252 } from "../src/corpus/decode.js";
import { packageRoot } from "../src/paths.js";

export interface FixtureArticle {
  id: string;
  layout: string;
  outlet: string;
  host: string;
  title: string;
  published: string;
  author: string | null;
  lang: string;
  charset?: string;
  gzip?: boolean;
  /** "## " starts a subheading. */
  paragraphs: string[];
}

export const FIXTURE_DIR = join(packageRoot(), "test", "fixtures", "html");

export function readFixtureArticles(dir = FIXTURE_DIR): FixtureArticle[] {
  return readdirSync(dir)
    .filter((f) => /^articles-\d+\.json$/.test(f))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as FixtureArticle[]);
}

export const pageFileName = (a: FixtureArticle): string => `${a.id}-${a.layout}.html${a.gzip ? ".gz" : ""}`;

/** The expected article text: paragraphs (subheadings without their marks; a table row "| a | b" as its cells). */
export const expectedParagraphs = (a: FixtureArticle): string[] =>
  a.paragraphs.map((p) => (p.startsWith("| ") ? tableCells(p).join(" ") : p.replace(/^## /, "")));

/** The cells of a table row written "| a | b | c". */
export const tableCells = (row: string): string[] => row.slice(2).split(" | ").map((c) => c.trim());

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Deterministic filler for scripts and styles (pages are mostly code). */
export function filler(seed: number, bytes: number): string {
  const words = ["var", "function", "return", "window", "document", "dataLayer", "push", "config", "track", "consent", "slot", "render", "lazy", "observer", "viewport", "event"];
  let out = "";
  let x = seed;
  while (out.length < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += `${words[x % words.length]}_${x % 997}(${(x >> 8) % 100});`;
  }
  return out;
}

export function style(seed: number): string {
  let css = "";
  for (let i = 0; i < 400; i++) css += `.c${seed}-${i}{margin:${i % 7}px ${i % 5}px;color:#${((seed * 97 + i * 31) % 4096).toString(16).padStart(3, "0")};font-size:${12 + (i % 9)}px}`;
  return `<style>${css}</style>`;
}

function nav(a: FixtureArticle, cls: string): string {
  const sections = ["News", "Local", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather", "Obituaries", "Jobs", "Motors", "Property", "Puzzles", "Podcasts", "Newsletters", "Subscribe"];
  return `<nav class="${cls}"><ul>${sections.map((s) => `<li><a href="https://${a.host}/${s.toLowerCase()}">${s}</a></li>`).join("")}</ul></nav>`;
}

function footer(a: FixtureArticle): string {
  const links = ["About us", "Contact", "Advertise", "Careers", "Terms", "Privacy", "Cookie settings", "Accessibility", "Complaints", "Archive", "Sitemap", "RSS"];
  return `<footer class="site-footer"><div class="footer-links">${links.map((l) => `<a href="/${l.toLowerCase().replace(/\s/g, "-")}">${l}</a>`).join(" | ")}</div><p>© 2026 ${esc(a.outlet)}. All rights reserved. No part of this site may be reproduced without permission.</p></footer>`;
}

const cookie = `<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience, to show you personalised advertising and to understand how the site is used. By continuing you agree to our use of cookies.</p><button>Accept all</button><button>Manage settings</button></div>`;

const share = (cls = "share-bar") =>
  `<div class="${cls}"><span>Share this article</span><a href="#">Facebook</a><a href="#">X</a><a href="#">WhatsApp</a><a href="#">Email</a><a href="#">Copy link</a></div>`;

function related(a: FixtureArticle, cls = "related-stories"): string {
  const titles = ["Council tax to rise by 4.9 per cent", "Ten things to do this weekend", "Road closed after lorry overturns", "Pictures: the week in photographs", "Letters: readers have their say"];
  return `<aside class="${cls}"><h3>Related stories</h3><ul>${titles.map((t, i) => `<li><a href="https://${a.host}/story/${i}">${t}</a></li>`).join("")}</ul></aside>`;
}

const newsletter = (name: string) =>
  `<div class="newsletter-signup"><h4>Get ${name} in your inbox</h4><p>Sign up for our free morning newsletter with the day's top stories, delivered at 7am.</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>`;

const advert = (i: number) => `<div class="ad-slot" id="ad-${i}"><span class="ad-label">Advertisement</span><div class="ad-container" data-slot="mpu-${i}"></div></div>`;

const figure = (credit: string) =>
  `<figure class="article-image"><img src="/img/photo.jpg" alt="" width="800" height="450"><figcaption>The scene on the day. <span class="credit">Photograph: ${credit}</span></figcaption></figure>`;

function comments(): string {
  return `<section id="comments" class="comments-area"><h2 class="comments-title">3 comments</h2><ol class="comment-list">
<li class="comment"><div class="comment-author">Pat from Eastgate</div><div class="comment-content"><p>About time too. I have been saying for years that somebody should do something about this, and it is good to see it finally reported properly in the paper.</p></div></li>
<li class="comment"><div class="comment-author">R. Singh</div><div class="comment-content"><p>I disagree with most of the people here. The real question nobody is asking is who is going to pay for all of this in the end, and the answer is always the same.</p></div></li>
<li class="comment"><div class="comment-author">localwatcher</div><div class="comment-content"><p>Great reporting as always.</p></div></li></ol>
<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea><input type="text" name="author"><button>Post comment</button></form></div></section>`;
}

export function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

const person = (name: string | null) => (name ? name.split(" and ").map((n) => ({ "@type": "Person", name: n })) : undefined);

function bodyParagraphs(a: FixtureArticle, p: (text: string, i: number) => string, h: (text: string) => string = (t) => `<h2>${esc(t)}</h2>`): string[] {
  return a.paragraphs.map((text, i) => (text.startsWith("## ") ? h(text.slice(3)) : p(text, i)));
}

/** Inserts furniture after the given paragraph indexes. */
function interleave(parts: string[], inserts: Record<number, string>): string {
  return parts.map((part, i) => part + (inserts[i] ?? "")).join("\n");
}

const date = (iso: string) => iso.slice(0, 10);

const layouts: Record<string, (a: FixtureArticle, seed: number) => string> = {
  wordpress: (a, seed) => {
    const site = `https://${a.host}`;
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebPage", "@id": `${site}/${a.id}/`, url: `${site}/${a.id}/`, name: `${a.title} – ${a.outlet}` },
        { "@type": "Article", "@id": `${site}/${a.id}/#article`, headline: a.title, datePublished: a.published, dateModified: a.published, author: { "@type": "Person", name: a.author }, publisher: { "@id": `${site}/#organization` } },
        { "@type": "Organization", "@id": `${site}/#organization`, name: a.outlet, logo: { "@type": "ImageObject", url: `${site}/logo.png` } },
      ],
    };
    const paras = bodyParagraphs(a, (t) => `<p>${esc(t)}</p>`);
    return `<!DOCTYPE html><html lang="${a.lang}"><head><meta charset="${a.charset ?? "UTF-8"}"><title>${esc(a.title)} – ${esc(a.outlet)}</title>
<link rel="canonical" href="${site}/${a.id}/"><meta property="og:type" content="article"><meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(a.outlet)}"><meta property="article:published_time" content="${a.published}">
${jsonLd(ld)}${style(seed)}<script>${filler(seed, 36000)}</script></head>
<body class="post-template-default single single-post"><div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">${esc(a.outlet)}</a></p><p class="site-description">News from the valley since 1921</p></div>${nav(a, "main-navigation")}</header>
${cookie}<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-${seed}" class="post-${seed} post type-post status-publish hentry"><header class="entry-header"><h1 class="entry-title">${esc(a.title)}</h1><div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="${a.published}">${date(a.published)}</time></span><span class="byline"> by <span class="author vcard"><a href="/author/x">${esc(a.author ?? "")}</a></span></span></div></header>
${figure("Staff photographer")}
<div class="entry-content">
${interleave(paras, { 1: advert(1), 3: `<p><strong>Read more:</strong> <a href="/other">Council tax to rise by 4.9 per cent</a></p>` })}
${share("sharedaddy sd-sharing-enabled")}
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items"><p><a href="/a">Ten things to do this weekend</a></p><p><a href="/b">Road closed after lorry overturns</a></p></div></div>
</div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/news">News</a></span><span class="tags-links">Tagged <a href="/t">local</a></span></footer></article>
<nav class="navigation post-navigation"><div class="nav-links"><a href="/prev">Previous post</a><a href="/next">Next post</a></div></nav>
${comments()}</main></div><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/1">Letters: readers have their say</a></li><li><a href="/2">Pictures: the week in photographs</a></li></ul></section></aside></div>
${footer(a)}</div><script>${filler(seed + 1, 24000)}</script></body></html>`;
  },

  arc: (a, seed) => {
    const site = `https://www.${a.host}`;
    const ld = { "@context": "https://schema.org", "@type": "NewsArticle", headline: a.title, description: a.paragraphs[0], datePublished: a.published, dateModified: a.published, author: person(a.author), publisher: { "@type": "NewsMediaOrganization", name: a.outlet, logo: { "@type": "ImageObject", url: `${site}/logo.svg` } }, mainEntityOfPage: { "@type": "WebPage", "@id": `${site}/news/${a.id}/` } };
    const paras = bodyParagraphs(a, (t, i) => `<p class="b-article-body c-text" data-el="text" data-i="${i}">${esc(t)}</p>`);
    return `<!DOCTYPE html><html lang="${a.lang}"><head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(a.outlet)}</title><link rel="canonical" href="${site}/news/${a.id}/">
<meta property="og:title" content="${esc(a.title)}"><meta property="og:site_name" content="${esc(a.outlet)}"><meta property="og:url" content="${site}/news/${a.id}/"><meta name="twitter:card" content="summary_large_image">
${jsonLd(ld)}${style(seed)}<script>window.Fusion=window.Fusion||{};Fusion.globalContent=${JSON.stringify({ headlines: { basic: a.title }, content_elements: a.paragraphs.map((p) => ({ type: "text", content: p })) })};${filler(seed, 80000)}</script></head>
<body><div id="fusion-app"><div class="c-stack"><header class="c-header">${nav(a, "c-nav-sections")}<div class="c-header-tools"><a href="/subscribe">Subscribe</a><a href="/login">Sign in</a></div></header>
<div class="c-alert-bar breaking-news-bar"><a href="/live">LIVE: Election night coverage continues</a></div>
<main class="b-right-rail"><article class="b-article-body-wrapper"><div class="c-overline"><a href="/news">News</a></div><h1 class="b-headline">${esc(a.title)}</h1>
<div class="b-byline c-attribution">By <a href="/author">${esc(a.author ?? "")}</a><time datetime="${a.published}">${date(a.published)}</time></div>
${share("c-share-buttons")}${figure("Northern Ledger archive")}
<div class="b-article-body">
${interleave(paras, { 0: advert(2), 2: `<div class="c-interstitial-link"><p><a href="/x">Kellby United sign teenage striker from Dunmore</a></p></div>`, 3: newsletter("The Ledger") })}
</div><div class="b-tags c-tag-list"><a href="/tags/kellby">Kellby</a><a href="/tags/news">News</a></div></article>
<aside class="b-right-rail-advanced">${advert(3)}<div class="c-most-read"><h3>Most read</h3><ol><li><a href="/1">Ten things to do this weekend</a></li><li><a href="/2">Road closed after lorry overturns</a></li></ol></div></aside></main>
${footer(a)}</div></div><script>${filler(seed + 2, 48000)}</script></body></html>`;
  },

  oldtable: (a, seed) => {
    const site = `http://www.${a.host}`;
    const paras = a.paragraphs.map((p) => esc(p)).join("<br>\n<br>\n");
    return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><meta http-equiv="Content-Type" content="text/html; charset=${a.charset ?? "iso-8859-1"}">
<title>${esc(a.title)} - Valley Herald Online</title><meta name="date" content="${a.published}"><meta name="keywords" content="valley, herald, news, ashcombe"><link rel="canonical" href="${site}/news/story.php?id=${a.id}">
<script language="javascript">${filler(seed, 12000)}</script></head><body bgcolor="#ffffff" topmargin="0">
<table width="780" border="0" cellpadding="0" cellspacing="0"><tr><td colspan="2"><img src="/images/masthead.gif" alt="Valley Herald"></td></tr>
<tr><td width="160" valign="top" class="leftnav"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a><br><a href="/whats-on">What's On</a><br><a href="/letters">Letters</a><br><a href="/classifieds">Classifieds</a><br><a href="/contact">Contact Us</a></td>
<td width="620" valign="top"><font face="Arial" size="2"><a href="/">Home</a> &gt; <a href="/news">News</a><br><br>
<font size="5"><b>${esc(a.title)}</b></font><br><font size="1" color="#666666">Published: ${date(a.published).split("-").reverse().join("/")}</font><br><br>
${paras}
<br><br><font size="1"><a href="javascript:window.print()">Print this story</a> | <a href="/send">Send to a friend</a></font></font></td></tr>
<tr><td colspan="2" align="center"><font size="1">Copyright &copy; 2026 Valley Herald Newspapers Ltd. Registered in England.</font></td></tr></table></body></html>`;
  },

  drupal: (a, seed) => {
    const site = `https://www.${a.host}`;
    const paras = bodyParagraphs(a, (t) => `<p>${esc(t)}</p>`);
    return `<!DOCTYPE html><html lang="${a.lang}" dir="ltr"><head><meta charset="${a.charset ?? "utf-8"}"><title>${esc(a.title)} | ${esc(a.outlet)}</title>
<meta name="description" content="${esc(a.paragraphs[0] ?? "")}"><link rel="canonical" href="${site}/node/${seed}"><meta property="og:site_name" content="${esc(a.outlet)}"><meta property="og:type" content="article"><meta property="og:url" content="${site}/node/${seed}"><meta property="og:title" content="${esc(a.title)}">
<meta property="article:published_time" content="${a.published}"><meta name="author" content="${esc(a.author ?? "")}">${style(seed)}<script>${filler(seed, 28000)}</script></head>
<body class="path-node page-node-type-article"><a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas"><div class="layout-container"><header role="banner"><div class="region region-header"><a href="/" rel="home">${esc(a.outlet)}</a></div>${nav(a, "menu--main")}</header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ol></nav></div>
<main role="main"><div class="layout-content"><div class="region region-content"><article role="article" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">${esc(a.title)}</span></h1><div class="node__meta"><span class="field--name-uid">${esc(a.author ?? "")}</span>, <span class="field--name-created">${date(a.published)}</span></div>
<div class="node__content"><div class="field field--name-field-image">${figure("Capital Review")}</div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
${interleave(paras, { 2: `<div class="embedded-entity"><div class="field--name-field-related"><a href="/node/1">Read also: Budget talks collapse again</a></div></div>` })}
</div><div class="field field--name-field-tags field--type-entity-reference"><div class="field__label">Tags</div><div class="field__items"><a href="/t/1">City council</a><a href="/t/2">Transport</a></div></div></div>
<section class="comment-section"><h2>Comments</h2><p>Comments are closed for this article.</p></section></article></div></div>
<aside class="layout-sidebar-first" role="complementary"><div class="block-views-blockmost-read">${related(a, "view-most-read")}</div></aside></main>
${footer(a)}</div></div><script>${filler(seed + 3, 20000)}</script></body></html>`;
  },

  ghost: (a, seed) => {
    const site = `https://${a.host}`;
    const ld = { "@context": "https://schema.org", "@type": "Article", publisher: { "@type": "Organization", name: a.outlet, url: site }, author: { "@type": "Person", name: a.author, url: `${site}/author/x/` }, headline: a.title, url: `${site}/${a.id}/`, datePublished: a.published, dateModified: a.published, description: a.paragraphs[0] };
    const paras = bodyParagraphs(a, (t) => `<p>${esc(t)}</p>`, (t) => `<h2 id="${t.toLowerCase().replace(/\W+/g, "-")}">${esc(t)}</h2>`);
    return `<!DOCTYPE html><html lang="${a.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(a.title)}</title><link rel="canonical" href="${site}/${a.id}/">
<meta property="og:site_name" content="${esc(a.outlet)}"><meta property="og:type" content="article"><meta property="og:title" content="${esc(a.title)}"><meta property="article:published_time" content="${a.published}">
${jsonLd(ld)}<meta name="generator" content="Ghost 5.80">${style(seed)}</head>
<body class="post-template"><div class="viewport"><header class="gh-head">${nav(a, "gh-head-menu")}<div class="gh-head-actions"><a href="#/portal/signin">Sign in</a><a href="#/portal/signup" class="gh-head-button">Subscribe</a></div></header>
<main class="site-main"><article class="article post"><header class="article-header gh-canvas"><section class="article-tag post-card-tags"><a href="/tag/nature/">Nature</a></section><h1 class="article-title">${esc(a.title)}</h1>
<div class="article-byline"><div class="article-byline-meta"><h4 class="author-name"><a href="/author/x/">${esc(a.author ?? "")}</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="${date(a.published)}">${date(a.published)}</time><span class="byline-reading-time">4 min read</span></div></div></div>
${figure("Field Notes")}</header>
<section class="gh-content gh-canvas">
${interleave(paras, { 1: `<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/b.jpg"><figcaption>A grower checks his trees. Photo by the author.</figcaption></figure>` })}
</section></article>
<section class="footer-cta"><div class="inner"><h2 class="footer-cta-title">Sign up for more like this.</h2><a class="footer-cta-button" href="#/portal">Enter your email<span>Subscribe</span></a></div></section>
<aside class="read-more-wrap"><div class="read-more inner"><article class="post-card"><a class="post-card-image-link" href="/x/"><h2 class="post-card-title">A winter walk along the old drovers' road</h2></a></article><article class="post-card"><a href="/y/"><h2 class="post-card-title">Why the swifts came back late this year</h2></a></article></div></aside></main>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="${site}">${esc(a.outlet)}</a> © 2026</section><nav class="site-footer-nav"><a href="/privacy">Privacy</a></nav><div><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></div></div></footer></div>
<script>${filler(seed, 16000)}</script></body></html>`;
  },

  wire: (a, seed) => {
    const site = `https://${a.host}`;
    const ld = [{ "@context": "http://schema.org", "@type": "NewsArticle", headline: a.title, datePublished: a.published, author: [{ "@type": "Person", name: a.author }], publisher: { "@type": "Organization", name: a.outlet }, isAccessibleForFree: true }];
    const paras = bodyParagraphs(a, (t) => `<div class="Paragraph-paragraph" data-testid="paragraph"><p>${esc(t)}</p></div>`);
    return `<!DOCTYPE html><html lang="${a.lang}"><head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(a.outlet)}</title><meta property="og:site_name" content="${esc(a.outlet)}"><meta property="og:url" content="${site}/world/${a.id}">
${jsonLd(ld)}${style(seed)}<script>${filler(seed, 60000)}</script></head><body>
<div id="root"><div class="App"><header class="SiteHeader">${nav(a, "NavMenu")}<form class="search"><input type="search"></form></header>
<div class="TopicBar"><a href="/world">World</a><a href="/markets">Markets</a></div>
<div class="article-wrapper"><div class="StandardArticle"><div class="ArticleHeader"><h1 class="Headline">${esc(a.title)}</h1><div class="Byline"><span>By ${esc(a.author ?? "")}</span><span class="Timestamp" data-source="${a.published}">${date(a.published)}</span></div></div>
${share("SocialShare")}
<div class="Article RichTextStoryBody" data-key="article">
${interleave(paras, { 1: advert(4), 3: `<div class="RelatedLinks"><p>Related coverage:</p><ul><li><a href="/1">Currency slips after comments</a></li></ul></div>` })}
<div class="Copyright"><p>Copyright 2026 ${esc(a.outlet)}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p></div></div></div>
<div class="RecommendedContent"><h2>Recommended</h2>${related(a, "RecommendedList")}</div></div>${footer(a)}</div></div><script>${filler(seed + 4, 36000)}</script></body></html>`;
  },

  "news-nextjs": (a, seed) => {
    const site = `https://www.${a.host}`;
    const ld = { "@context": "https://schema.org", "@graph": [{ "@type": "NewsArticle", headline: a.title, datePublished: a.published, author: person(a.author), publisher: { "@type": "Organization", name: a.outlet }, articleSection: "UK news" }, { "@type": "BreadcrumbList", itemListElement: [] }] };
    const paras = bodyParagraphs(a, (t) => `<p class="css-at9mc1 evys1bk0">${esc(t)}</p>`);
    return `<!DOCTYPE html><html lang="${a.lang}"><head><meta charSet="utf-8"/><title>${esc(a.title)} - ${esc(a.outlet)}</title><link rel="canonical" href="${site}/uk/${a.id}"/>
<meta property="og:title" content="${esc(a.title)} | ${esc(a.outlet)}"/><meta name="twitter:site" content="@dispatch"/>${jsonLd(ld)}${style(seed)}</head><body>
<div id="__next"><div class="css-1e1ud"><div id="top-wrapper" class="css-1xyz">${advert(5)}</div><header class="css-ahe4g9 e1m0pzr40"><a href="/" aria-label="The Morning Dispatch">The Morning Dispatch</a>${nav(a, "css-nav")}</header>
<main id="site-content"><div><article id="story" class="css-1vxca1d"><header class="css-d92687"><h1 data-testid="headline" class="css-1l1xq">${esc(a.title)}</h1><p class="css-summary">${esc(a.paragraphs[0]?.split(". ")[0] ?? "")}.</p>
<div class="css-byline"><p>By <span>${esc(a.author ?? "")}</span></p><time dateTime="${a.published}">${date(a.published)}</time></div></header>
<section name="articleBody" class="meteredContent css-1r7ky0e"><div class="css-53u6y8 StoryBodyCompanionColumn"><div class="css-1fanzo5">
${interleave(paras.slice(0, 2), {})}</div></div>
<div class="css-1sxl ad-wrapper" data-testid="ad"><div>Advertisement</div><div class="ad"></div></div>
<div class="css-53u6y8 StoryBodyCompanionColumn"><div class="css-1fanzo5">${interleave(paras.slice(2), { 0: `<div class="css-newsletter-promo"><p>Sign up for The Morning Briefing: the news you need to start the day, free every weekday.</p><a href="/newsletters">Sign up</a></div>` })}</div></div></section>
<div class="bottom-of-article"><div class="css-1jiwm"><h2>Read 214 comments</h2></div><div class="css-share">${share("css-share-tools")}</div></div></article></div>
<div class="css-more-in"><h2>More in UK news</h2>${related(a, "css-more-list")}</div></main>${footer(a)}</div></div>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { article: { headline: a.title, body: a.paragraphs } } }, page: "/uk/[slug]", buildId: "x" + seed })}</script><script>${filler(seed, 100000)}</script></body></html>`;
  },

  blogger: (a, seed) => {
    const paras = a.paragraphs.map((p) => esc(p)).join("<br />\n<br />\n");
    return `<!DOCTYPE html><html dir="ltr" lang="${a.lang}"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/><title>${esc(a.outlet)}: ${esc(a.title)}</title>
<meta content="${esc(a.outlet)}" property="og:site_name"/><meta content="${esc(a.title)}" property="og:title"/><meta content="https://${a.host}/2026/${a.id}.html" property="og:url"/>${style(seed)}<script>${filler(seed, 20000)}</script></head>
<body class="variant-indie"><div class="page"><div class="centered-top-container"><header class="centered-top"><h1 class="blog-title"><a href="/">${esc(a.outlet)}</a></h1><div class="blog-description">News and views from the east side</div></header></div>
<div class="page_body"><div class="centered"><main class="centered-bottom" role="main"><div class="main section" id="page_body"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed container">
<article class="post-outer-container"><div class="post-outer"><div class="post"><meta content="${a.published}" itemprop="datePublished"/><meta content="${esc(a.author ?? "")}" itemprop="author"/>
<h3 class="post-title entry-title">${esc(a.title)}</h3><div class="post-header"><div class="post-header-line-1"><span class="byline post-timestamp"><time class="published" datetime="${a.published}">${date(a.published)}</time></span></div></div>
<div class="post-body entry-content float-container" id="post-body-${seed}"><div style="text-align: justify;">
${paras}
</div></div><div class="post-footer"><div class="post-share-buttons post-share-buttons-bottom"><a href="#">Share</a><a href="#">Email This</a><a href="#">BlogThis!</a></div><div class="post-footer-line"><span class="byline post-labels">Labels: <a href="/l/1">local</a></span></div></div></div></div>
<section class="comments" id="comments"><h3 class="title">2 comments:</h3><div class="comment-thread"><ol><li class="comment"><div class="comment-block"><p class="comment-content">Lovely news, we go there every week and it would have been a real loss for all of us on the estate.</p></div></li></ol></div></section></article></div></div></div></main>
<aside class="sidebar-container" role="complementary"><div class="widget BlogArchive"><h3>Archive</h3><ul><li><a href="/2026/">2026</a></li><li><a href="/2025/">2025</a></li></ul></div><div class="widget PopularPosts"><h3>Popular posts</h3><div class="post-summary"><h3><a href="/p">Why the fair is moving</a></h3><p>The summer fair will move to the park next year after complaints about parking.</p></div></div></aside></div></div></div>
<footer class="footer section"><div class="widget Attribution"><div class="copyright">Powered by Blogger</div></div></footer><script>${filler(seed + 5, 12000)}</script></body></html>`;
  },

  liveblog: (a, seed) => {
    const site = `https://www.${a.host}`;
    const ld = { "@context": "https://schema.org", "@type": "LiveBlogPosting", headline: a.title, datePublished: a.published, coverageStartTime: a.published, author: person(a.author), publisher: { "@type": "Organization", name: a.outlet } };
    const entries = a.paragraphs.map((p, i) => `<div class="live-entry" id="entry-${i}"><header class="entry-meta"><time datetime="${a.published}">${String(22 + Math.floor(i / 2)).slice(-2)}:${String((i * 17) % 60).padStart(2, "0")}</time></header><div class="entry-body"><p>${esc(p)}</p></div>${share("entry-share")}</div>`);
    return `<!DOCTYPE html><html lang="${a.lang}"><head><meta charset="utf-8"><title>${esc(a.title)} | ${esc(a.outlet)}</title><link rel="canonical" href="${site}/live/${a.id}/"><meta property="og:site_name" content="${esc(a.outlet)}">
${jsonLd(ld)}${style(seed)}<script>${filler(seed, 48000)}</script></head><body><header class="c-header">${nav(a, "c-nav-sections")}</header>
<main><div class="live-header"><span class="live-badge">LIVE</span><h1>${esc(a.title)}</h1><p class="live-byline">${esc(a.author ?? "")}</p><p class="live-updated">Updated every few minutes</p></div>
<div class="live-key-events"><h2>Key events</h2><ul><li><a href="#entry-0">Counting begins</a></li><li><a href="#entry-1">Turnout up on last time</a></li></ul></div>
<div class="live-feed">${entries.join("\n")}</div><div class="live-pagination"><a href="?page=2">Older entries</a></div></main>${footer(a)}<script>${filler(seed + 6, 16000)}</script></body></html>`;
  },

  "news-ru": (a, seed) => {
    const site = `https://${a.host}`;
    const ld = { "@context": "https://schema.org", "@type": "NewsArticle", headline: a.title, datePublished: a.published, author: { "@type": "Person", name: a.author }, publisher: { "@type": "Organization", name: a.outlet } };
    const paras = bodyParagraphs(a, (t) => `<p>${esc(t)}</p>`);
    return `<!DOCTYPE html><html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>${esc(a.title)} — ${esc(a.outlet)}</title><link rel="canonical" href="${site}/news/${a.id}.html">
<meta property="og:site_name" content="${esc(a.outlet)}">${jsonLd(ld)}<script>${filler(seed, 24000)}</script></head><body>
<div class="header"><ul class="menu"><li><a href="/">Главная</a></li><li><a href="/news">Новости</a></li><li><a href="/city">Город</a></li><li><a href="/sport">Спорт</a></li><li><a href="/contacts">Контакты</a></li></ul></div>
<div class="content"><div class="article"><div class="article__date">${date(a.published)}</div><h1 class="article__title">${esc(a.title)}</h1>
<div class="article__text">${interleave(paras, { 1: `<div class="article__incut"><a href="/news/1.html">Читайте также: В городе начался ремонт дорог</a></div>` })}</div>
<div class="article__author">Автор: ${esc(a.author ?? "")}</div><div class="share">Поделиться: <a href="#">ВКонтакте</a> <a href="#">Telegram</a></div></div>
<div class="sidebar"><h3>Популярное</h3><ul><li><a href="/n/2">На набережной открылось новое кафе</a></li><li><a href="/n/3">Погода на выходные</a></li></ul></div></div>
<div class="footer">© 2026 ${esc(a.outlet)}. При использовании материалов ссылка обязательна.</div></body></html>`;
  },
};

/** The page's bytes in its declared charset. */
export function encode(html: string, charset: string | undefined): Uint8Array {
  const label = (charset ?? "utf-8").toLowerCase();
  if (label === "utf-8") return new TextEncoder().encode(html);
  // Single-byte charsets: the reverse of the decoder's table.
  const decoder = new TextDecoder(label);
  const decode = (b: Uint8Array) => (decoder.encoding === "windows-1252" ? decodeWindows1252(b) : decoder.decode(b));
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decode(new Uint8Array([b])), b);
  const out: number[] = [];
  for (const ch of html) {
    const byte = table.get(ch);
    // A character the charset lacks is written as a character reference, as CMSs do.
    if (byte === undefined) for (const c of `&#${ch.codePointAt(0)};`) out.push(c.charCodeAt(0));
    else out.push(byte);
  }
  return Uint8Array.from(out);
}

export function renderPage(a: FixtureArticle, seed: number): Uint8Array {
  const layout = layouts[a.layout];
  if (!layout) throw new Error(`unknown layout ${a.layout}`);
  const bytes = encode(layout(a, seed), a.charset);
  return a.gzip ? gzipSync(bytes) : bytes;
}

function main(): void {
  const out = join(FIXTURE_DIR, "pages");
  mkdirSync(out, { recursive: true });
  for (const [i, a] of readFixtureArticles().entries()) writeFileSync(join(out, pageFileName(a)), renderPage(a, 1000 + i * 37));
  console.log(`wrote ${readFixtureArticles().length} pages to ${out}`);
}

if (process.argv[1]?.endsWith("html-fixture-pages.js")) main();
