/**
 * Rule "body noun before": a name written right after a common noun for a body is that body's name — "Scott's
 * company Scott Free", "the record label Blue Otter", "the band Free", "the studio Harbour Films" — even when its
 * words read as a person's ("Scott Free"). Not when the name opens a relative clause ("the firm Ann Lee founded").
 */

/** Common nouns for a body that may stand right before its name. */
const BODY_NOUN = /\b(?:company|firm|studio|label|publisher|agency|brand|band|charity|club|outlet|network|channel|newspaper|magazine|website|start-?up|subsidiary|consultancy|retailer|carmaker|chain|broadcaster)\s+$/i;

/** What may follow the body's name: punctuation, or a word that does not make it the subject of a relative clause. */
const AFTER_BODY = /^(?:\s*[,.;:)!?—–]|\s+(?:to|and|is|was|has|had|will|would|in|of|for|on|at|with|which|that|said|says)\b)/u;

/** Whether the name [start, end) of `text` names a body, by the noun right before it. */
export function namedAfterBodyNoun(text: string, start: number, end: number): boolean {
  return BODY_NOUN.test(text.slice(Math.max(0, start - 16), start)) && AFTER_BODY.test(text.slice(end, end + 12));
}
