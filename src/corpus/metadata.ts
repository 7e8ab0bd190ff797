/**
 * Metadata read from the text of a plain article, given its blocks and their layout (see furniture.ts):
 * the title, the outlet, the dateline city and the publication date. Pure functions.
 *
 * Publication date, in order of trust:
 *  1. a full date in the story's opening dateline ("MOSCOW, January 20, 2023 /TASS/.");
 *  2. a full date above the story: a lone date line, or the headline ("..., Moscow, January 20, 2023");
 *  3. a dateline's bare "January 20", with the year of a full date with the same month and day elsewhere in
 *     the document. Otherwise null: dates inside the story are about events, not about the page.
 */
import { findDates, isoDate } from "./dates.js";
import { readDateline, type Dateline } from "./dateline.js";
import { isBreadcrumb, isCreditLine, isUpperCasePlace, stripBreadcrumb, type PageLayout } from "./furniture.js";

export interface TextMetadata {
  title: string | null;
  outlet: string | null;
  dateline: string | null;
  published: string | null;
}

/** The credit of a closing "Source: Seznam Zpravy" line. */
export function creditOf(line: string): string | null {
  if (!isCreditLine(line) || !/^sources?\s*:/i.test(line.trim())) return null;
  const credit = line.trim().replace(/^sources?\s*:\s*/i, "").replace(/[.\s]+$/, "");
  return credit === "" ? null : credit;
}

/** Headline text without markdown heading marks. */
export function headlineText(block: string): string {
  return block.trim().replace(/^#{1,6}\s+/, "").replace(/\s+#+$/, "");
}

const STORY_OPENING = 3;

export function readMetadata(blocks: readonly string[], layout: PageLayout): TextMetadata {
  const { roles, headline, storyStart } = layout;
  const headlineBlock = headline === null ? undefined : blocks[headline];
  const breadcrumb = blocks.find((b, i) => roles[i] === "furniture" && isBreadcrumb(b));
  const title = headlineBlock ? headlineText(headlineBlock) : breadcrumb ? stripBreadcrumb(breadcrumb) || null : null;

  const opening = blocks
    .map((text, i) => ({ text, i }))
    .filter(({ i }) => roles[i] === "body" && storyStart !== null && i >= storyStart)
    .slice(0, STORY_OPENING);
  let dateline: Dateline | null = null;
  for (const { text } of opening) {
    dateline = readDateline(text);
    if (dateline) break;
  }
  const header = storyStart === null ? blocks : blocks.slice(0, storyStart);
  const loneCity = header.find((b, i) => i !== headline && isUpperCasePlace(b));

  const credits = blocks.map(creditOf).filter((c): c is string => c !== null);
  const outlet = dateline?.agency ?? credits.at(-1) ?? null;

  return {
    title,
    outlet,
    dateline: dateline?.city ?? loneCity?.trim() ?? null,
    published: publishedDate(blocks, header, dateline),
  };
}

function publishedDate(blocks: readonly string[], header: readonly string[], dateline: Dateline | null): string | null {
  const datelineDate = dateline?.date ? findDates(dateline.date)[0] : undefined;
  if (datelineDate?.year) return isoDate(datelineDate);
  const headerDate = header.flatMap((b) => findDates(b)).find((d) => d.year !== null);
  if (headerDate) return isoDate(headerDate);
  if (datelineDate) {
    const sameDay = blocks
      .flatMap((b) => findDates(b))
      .find((d) => d.year !== null && d.month === datelineDate.month && d.day === datelineDate.day);
    if (sameDay) return isoDate(sameDay);
  }
  return null;
}
