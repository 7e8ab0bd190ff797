/**
 * One article's quotations, attributed: extraction, then the discourse model, then attribution (or the
 * transcript reading when the headline announces one speaker's remarks).
 */
import type { Article } from "../corpus/types.js";
import { attributeAll } from "./attribute.js";
import { buildDiscourse } from "./discourse.js";
import { extractQuoteSpans } from "./extract.js";
import { detectHearsay } from "./hearsay.js";
import { detectTranscript } from "./transcript.js";
import type { ArticleQuotes, NamedInArticle, Quotation } from "./types.js";
import { quoteInWindows } from "./windows.js";

export function quoteArticle(article: Article): ArticleQuotes {
  return quoteInWindows(article, quoteWhole) ?? quoteWhole(article);
}

/** The article read whole, however large (exported for the tests that compare windows with it). */
export function quoteWhole(article: Article): ArticleQuotes {
  const spans = extractQuoteSpans(article);
  const transcript = detectTranscript(article, spans);
  if (transcript) {
    const quotations: Quotation[] = [];
    for (const p of article.paragraphs) {
      if (p.role !== "body") continue;
      let s = p.start;
      let e = p.end;
      while (s < e && /\s/.test(article.text[s]!)) s++;
      while (e > s && /\s/.test(article.text[e - 1]!)) e--;
      if (e <= s) continue;
      quotations.push({
        id: `${article.id}#q${quotations.length}`,
        doc: article.id,
        start: s,
        end: e,
        text: article.text.slice(s, e),
        speaker: transcript.name,
        kind: "transcript",
        cue: transcript.cue,
        mention: transcript.mention,
        confidence: 0.9,
        paragraph: p.n,
        evidence: `transcript: the headline announces ${transcript.cue} by ${transcript.mention}`,
        hearsay: null,
      });
    }
    const named: NamedInArticle[] = [
      { name: transcript.name, kind: transcript.kind, gender: null, forms: [transcript.name], titled: [transcript.mention], sure: true },
    ];
    return { quotations, named };
  }

  const discourse = buildDiscourse(article, spans);
  const attributions = attributeAll(discourse);
  // Quotation marks that are not speech (a title, a slogan, scare quotes) are no quotation of anyone.
  const speech = spans.flatMap((span, i) => (attributions[i]!.notSpeech ? [] : [{ span, a: attributions[i]! }]));
  const quotations = speech.map(({ span, a }, i): Quotation => {
    const paragraph = article.paragraphs[span.paragraphIndex]!;
    const neighbours = spans.filter((s) => s.paragraphIndex === span.paragraphIndex);
    return {
      id: `${article.id}#q${i}`,
      doc: article.id,
      start: span.start,
      end: span.end,
      text: article.text.slice(span.start, span.end),
      speaker: a.entity?.name ?? null,
      kind: span.kind,
      cue: a.cue,
      mention: a.mention,
      confidence: a.entity ? a.confidence : 0,
      paragraph: paragraph.n,
      evidence: a.evidence,
      hearsay: detectHearsay(article, paragraph, span, neighbours),
    };
  });

  const named = new Map<number, NamedInArticle>();
  for (const m of discourse.mentions) {
    const e = m.entity;
    if (!e || m.type !== "name") continue;
    let entry = named.get(e.id);
    if (!entry) {
      entry = { name: e.name, kind: e.kind, gender: e.gender, forms: [], titled: [], sure: e.sure };
      named.set(e.id, entry);
    }
    if (!entry.forms.includes(m.text)) entry.forms.push(m.text);
  }
  // Someone named only by a transcript label ("RAMOS:") is still a speaker of the article.
  // So is a role ("Home Office spokesman"), with its organisation.
  for (const a of attributions) {
    const e = a.entity;
    if (!e || named.has(e.id)) continue;
    const entry: NamedInArticle = { name: e.name, kind: e.kind, gender: e.gender, forms: [e.name], titled: [], sure: e.sure };
    if (e.organisation !== undefined) entry.organisation = e.organisation;
    named.set(e.id, entry);
  }
  const list = [...named.values()];
  // A role's organisation named only inside the role ("a spokesman for the Home Office") is named all the same.
  for (const entry of [...list]) {
    const organisation = entry.organisation;
    if (organisation === undefined || list.some((n) => n.kind === "organisation" && n.name === organisation)) continue;
    list.push({ name: organisation, kind: "organisation", gender: null, forms: [organisation], titled: [], sure: true });
  }
  return { quotations, named: list };
}
