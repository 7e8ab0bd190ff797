/**
 * The fixed query set of the benchmark. Written by hand from general newsroom vocabulary and public figures'
 * names, not taken from the corpora: the same set runs on any corpus, so some names may match nothing there,
 * which is a case worth timing too (a miss must be fast as well).
 *
 * Kinds: `common` words that match a large part of any news archive (the slow case for scoring everything),
 * `rare` names, `misspelled` names (the typed form and the spelling meant, one or two edits apart), and `long`
 * queries of 12 or more words, as people paste a sentence.
 */

export type BenchCommand = "sources" | "quote";
export type QueryKind = "common" | "rare" | "misspelled" | "long";

export interface BenchQuery {
  command: BenchCommand;
  kind: QueryKind;
  /** What follows the command name, as typed in chat. */
  text: string;
  /** For misspelled queries: the name as it is usually spelled. */
  meant?: string;
}

const sources = (kind: QueryKind, text: string, meant?: string): BenchQuery =>
  meant === undefined ? { command: "sources", kind, text } : { command: "sources", kind, text, meant };
const quote = (kind: QueryKind, text: string, meant?: string): BenchQuery =>
  meant === undefined ? { command: "quote", kind, text } : { command: "quote", kind, text, meant };

export const BENCH_QUERIES: readonly BenchQuery[] = [
  sources("common", "government said"),
  sources("common", "minister said on Tuesday"),
  sources("common", "company shares rose"),
  sources("common", "economic growth"),
  sources("common", "election campaign"),
  sources("common", "president"),
  sources("common", "oil prices"),
  sources("common", "new year"),
  sources("rare", "Zakharova"),
  sources("rare", "Guterres"),
  sources("rare", "Greenspan"),
  sources("rare", "Mourinho"),
  sources("rare", "Kyiv"),
  sources("rare", "Volcker"),
  sources("misspelled", "Zaharova", "Zakharova"),
  sources("misspelled", "Guteres", "Guterres"),
  sources("misspelled", "Greenspam", "Greenspan"),
  sources("misspelled", "Shwarzenegger", "Schwarzenegger"),
  sources("misspelled", "Brussells", "Brussels"),
  sources("long", "what did the finance minister say about interest rates and inflation in the first quarter of the year"),
  sources("long", "the central bank raised its key lending rate again as consumer prices kept climbing across the country"),
  sources("long", "opposition leaders accused the government of hiding the true cost of the war from voters and parliament"),
  sources("long", "shares in the largest oil companies fell sharply after the cartel failed to agree on production cuts"),
  quote("common", "minister government"),
  quote("common", "president election"),
  quote("common", "spokesman company"),
  quote("rare", "Blair Iraq"),
  quote("rare", "Clinton emails"),
  quote("rare", "Greenspan interest rates"),
  quote("rare", "Zakharova sanctions"),
  quote("rare", "Trump immigration"),
  quote("misspelled", "Zaharova sanctions", "Zakharova sanctions"),
  quote("misspelled", "Guteres ceasefire", "Guterres ceasefire"),
  quote("misspelled", "Hilary Clinton", "Hillary Clinton"),
  quote("misspelled", "Obamma health care", "Obama health care"),
  quote("long", "Blair said the government would not raise taxes on working families before the next general election was called"),
  quote("long", "Obama health care law insurance premiums millions of Americans coverage would lose their plans next year"),
  quote("long", "Trump said the wall on the southern border would be paid for by Mexico one way or another"),
];

/** The chat text of a query: "/sources government said". */
export function queryInput(q: BenchQuery): string {
  return `/${q.command} ${q.text}`;
}

export function queriesFor(command: BenchCommand): BenchQuery[] {
  return BENCH_QUERIES.filter((q) => q.command === command);
}
