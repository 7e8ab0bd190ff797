/**
 * The statements across outlets for answers in a running bot. Computing them for a large archive takes long
 * (tens of seconds at a million passages), so an answer in chat never computes them itself: it takes them when
 * ready, and otherwise goes without them (or says they are coming) while they are computed in the background (in
 * the grouping worker of a running bot, else in time slices: wiring/newsroom-statements.ts). Where nothing else waits (the CLI) they are computed at once.
 */
import type { StatementIndex } from "./types.js";

/** What reading the statements needs from a newsroom (a Newsroom is one). */
export interface StatementSource {
  statements(): StatementIndex;
  statementsIfReady?(): StatementIndex | null;
  statementsInBackground?(): Promise<StatementIndex | null>;
}

/**
 * The statements if ready; else, for a newsroom that computes them in the background, null (their computation
 * started, or left running); else (`mayWait`, or a newsroom without background work) computed now.
 */
export function statementsIfReadyOrStarted(source: StatementSource, mayWait: boolean): StatementIndex | null {
  const ready = source.statementsIfReady?.() ?? null;
  if (ready) return ready;
  if (mayWait || !source.statementsInBackground) return source.statements();
  void source.statementsInBackground();
  return null;
}

/** The statements once computed, without holding the event loop where the newsroom can compute them in slices. */
export async function statementsWhenReady(source: StatementSource): Promise<StatementIndex | null> {
  const ready = source.statementsIfReady?.() ?? null;
  if (ready) return ready;
  if (!source.statementsInBackground) return source.statements();
  // Null when a corpus change made them stale meanwhile: the newer ones are then asked for.
  return (await source.statementsInBackground()) ?? (await source.statementsInBackground());
}
