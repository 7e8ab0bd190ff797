/**
 * Rule "written subject": a name that only modifies a written or broadcast thing — "The TV ad accuses Pike of …",
 * "A Gallup poll found …", "The Reuters report says …" — does not make the name the speaker: the subject is the ad,
 * the poll or the report, which speaks for no one we can print. (A statement, a letter, a memo or a tweet stays its
 * author's words: "A Clinton statement said …" is Clinton's, and not read here.)
 */

/** Things written or broadcast that are nobody's own words. */
const WRITTEN = /^(?:ad|ads|advert|adverts|advertisement|commercial|commercials|poll|polls|survey|surveys|study|studies|report|reports|editorial|editorials|documentary|film|video|book|paper|analysis|index|ranking|forecast|model)$/;

/** Whether the lower-case word right after a name makes a written thing the subject. */
export function modifiesWrittenThing(nextWord: string | undefined): boolean {
  return nextWord !== undefined && WRITTEN.test(nextWord);
}
