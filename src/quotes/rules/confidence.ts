/**
 * Every attribution rule's confidence, in one place, so they can be calibrated together. A confidence says how
 * often the rule names the right speaker: calibrated on PolNeAR train (`npm run eval -- --only quotes --split
 * train --by-rule`, figures of 2026-12-02 beside each) and our BBC set, never on dev. Below 0.6 a quotation is
 * shown as an uncertain attribution: rules right less than 80% of the time stay there. Each rule module reads
 * its own from here and exports it as a named constant (CONTINUATION_CONFIDENCE, ROLE_SPEAKER_CONFIDENCE, …).
 */
export const CONFIDENCE = {
  /** A name right at the reporting verb ("…,” Lavrov said): 97.5% right on train. */
  namedAtCue: 0.95,
  /** Less for a name reached across an apposition ("Jones, editor of …, said"). */
  appositionPenalty: 0.03,
  /** Less for an inverted clause closing the sentence far from the quotation (100%, few). */
  closingClausePenalty: 0.1,
  /** Less for the sentence's subject when no name sits at the verb (93.7% right, kept under 0.8: the subject
   * of a sentence attacking someone is where the person spoken about is most often credited). */
  sentenceSubjectPenalty: 0.2,
  /** A transcript label ("PENCE: Well, …"). */
  speakerLabel: 0.85,
  /** "it said": the latest body named. */
  itIsTheLatestBody: 0.6,
  /** "they said": the body that is the nearest subject (rules/they-body.ts): 3 on PolNeAR, whose "they" have no
   * annotated referent; kept at the "it said" level. */
  theyAreTheBody: 0.6,
  /** A quotation going on from the one before with nobody else becoming the subject: 98.4% right. */
  continuation: 0.85,
  /** The sentence before reports the speaker speaking: 11/16 right on train (2026-12-03), so shown uncertain. */
  sentenceBeforeReports: 0.55,
  /** The paragraph before reports the speaker speaking, quoting nobody: 10/15 right on train, shown uncertain. */
  paragraphBeforeReports: 0.55,
  /** A paragraph that is only a quotation, after one whose last quotation has a speaker: 95.7% right. */
  quotationParagraphAfter: 0.7,
  /** Introduced by the paragraph before, ending in a colon, with a reporting verb: 92.9% right. */
  introducedByColon: 0.85,
  /** …without a reporting verb ("President Clinton released the following statement:"). */
  introducedByColonNoVerb: 0.75,
  /** A fragment in a sentence with no reporting verb: its subject, shown uncertain (76.2% right). */
  fragmentSentenceSubject: 0.55,
  /** How much less a fragment's subject gets when it is not a name (a pronoun, a role). */
  fragmentNotNamedPenalty: 0.3,
  /** The same words quoted elsewhere in the article with a speaker: 5/9 right on train, so shown uncertain. */
  repeatedWords: 0.55,
  /** he/she with one compatible person in the nearest sentence that has one. */
  pronounAlone: 0.85,
  /** he/she with other compatible people in that sentence. */
  pronounWithRivals: 0.7,
  /** he/she to someone of unknown gender. */
  pronounGenderUnknown: 0.55,
  /** Less for a he/she linked three sentences back or more. */
  pronounFarPenalty: 0.15,
  /** "the ministry said": the latest body with that word. */
  bodyNoun: 0.7,
  /** "the spokesman" after "a Home Office spokesman": the role named before. */
  roleNamedBefore: 0.8,
  /** "the Tory leader" after "Tory leader Michael Howard": the one person titled with those words. */
  titledSo: 0.8,
  /** "the senator": the latest person whose title fits. */
  titleFits: 0.75,
  /** "the director": the latest person talked about, nothing else tying them. */
  latestTalkedAbout: 0.6,
  /** A role speaker right at the reporting verb ("a Home Office spokesman said"): 81.4% right. */
  roleSpeaker: 0.9,
  /** …its organisation named by a common noun ("a spokesman for the firm") and read as the latest body. */
  roleSpeakerResolved: 0.75,
  /** A role owned by a he/she ("his chief aide said"), the owner read as the he/she would be: 2/2 right on train
   * (2026-12-03), too few to calibrate, so kept under 0.8; less with rivals (possessiveRoleConfidence). */
  possessiveRole: 0.75,
  /** An unnamed speaker printed as described ("an analyst at a major Japanese bank said"), at the verb: none on
   * PolNeAR; on Reuters-21578 32 quotations, the 12 read by eye right (2026-12-03). */
  unnamedRole: 0.85,
  /** A description the article supports ("the Dutchman" for the one named Dutch). */
  descriptionSupported: 0.8,
  /** A description nothing ties to anyone: the latest person talked about. */
  descriptionGuessed: 0.5,
  /** A person opening the clause, the verb reached through an apposition without commas: 2/5 right on train. */
  namedAtClauseStart: 0.55,
  /** The most an indirect attribution keeps when its paragraph names another person (subject of the sentence
   * so capped: 90.3% right on train). */
  severalPeople: 0.7,
  /** …and a he/she so capped: 7/11 right on train, shown uncertain. */
  pronounSeveralPeople: 0.55,
  /** A fragment that a clause closing its sentence attributes ("…carry “a lot of weight” and …, Reade said"):
   * rules/sentence-closer.ts, measured on PolNeAR train (session 12). */
  sentenceCloser: 0.8,
  /** The person opening a subordinate clause whose naming verb names the fragment ("such as when Pike knocked
   * Dole and called him a “dreamer”"): rules/subordinate-subject.ts, kept at the sentence-subject level. */
  subordinateSubject: 0.75,
  /** The quotation's owner named as such ("Trump’s claim that …", "attacked Grant for saying"): measured below. */
  wordsOfAnother: 0.8,
} as const;
