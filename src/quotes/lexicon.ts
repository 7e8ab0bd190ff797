/**
 * Word lists for quotation attribution: reporting verbs, titles, role nouns, organisation words. All lower case.
 */
import { table } from "../core/table.js";

/** Reporting verbs that introduce speech, in the forms news copy uses. */
export const SPEECH_VERBS = new Set(
  `say says said saying tell tells told telling add adds added adding note notes noted noting conclude concludes
  concluded concluding urge urges urged urging accuse accuses accused accusing deny denies denied denying stress
  stresses stressed stressing warn warns warned warning insist insists insisted insisting explain explains
  explained explaining argue argues argued arguing claims claimed claiming ask asks asked asking replies replied
  replying responds responded responding continues continued continuing declare declares declared declaring
  announce announces announced announcing stated stating write writes wrote commented commenting remarked
  remarking observe observes observed observing acknowledge acknowledges acknowledged acknowledging admit admits
  admitted admitting agree agrees agreed agreeing suggest suggests suggested suggesting emphasize emphasizes
  emphasized emphasizing emphasise emphasises emphasised emphasising reiterate reiterates reiterated reiterating
  predict predicts predicted predicting promised promising vowed vowing called calling describe describes
  described describing branded branding dismiss dismisses dismissed dismissing praises praised praising
  criticise criticises criticised criticising criticize criticizes criticized criticizing condemn condemns
  condemned condemning blamed blaming complain complains complained complaining recall recalls recalled
  recalling reveal reveals revealed revealing confirm confirms confirmed confirming tweeted tweeting quips
  quipped joked concedes conceded conceding maintain maintains maintained countered shouted cried demanded
  demanding allege alleges alleged alleging reports reported highlighted highlighting testifies testified
  wondered boasted pledges pledged pledging labelled labeled labelling labeling hailed welcomes welcomed
  welcoming attacked lamented mocked slammed charged questioned assert asserts asserted asserting characterize
  characterized characterise characterised pointed pointing points expressed reckoned believes believed echoed
  echoes echoing referred refers retorted quoted quoting recounted recounts cautioned cautions advised lashed
  griped grumbled mused muses scoffed sniped snapped chided touted touts bragged fumed vented posited
  contended contends opined explained ranted repeated repeats recalled underscored underlined gushed thundered
  railed blasted bemoaned conceded predicted proclaimed proclaims announced affirmed thanked thanks decried
  decries pondered ponders lamented demanded interjected interrupted cried exclaimed exclaims whispered shouted yelled
  screamed answered answers responds replied remarked denounce denounced denounces denouncing chanted chanting
  referring refer refers mocking ridiculed ridiculing speculated speculates retaliated assured assures quip`
    .split(/\s+/)
    .filter(Boolean),
);

/** Participles that hang off a main clause ("…, emphasizing that …"): their subject is the main clause's. */
export function isParticiple(verb: string): boolean {
  return verb.endsWith("ing");
}

/**
 * Verbs that take their speaker after them in inverted order ("said Marija Zakharova"). Not "told" or "asked":
 * what follows them is the listener ("told BBC News").
 */
export const INVERTIBLE_VERBS = new Set(
  "said says added adds noted notes continued continues replied replies explained explains wrote writes concluded concludes insisted warned argued recalled declared observed stated commented remarked suggested quipped".split(
    " ",
  ),
);

/** Words that may stand between a speaker and the reporting verb ("Lavrov also said", "he later told"). */
export const VERB_MODIFIERS = new Set(
  `also later then has have had previously further repeatedly publicly recently earlier once again had would will
  subsequently simply then flatly immediately quickly angrily bluntly frankly firmly reportedly separately privately
  openly has already once just since still even yet originally initially first last finally told is are was were
  been being now again also reportedly`
    .split(/\s+/)
    .filter(Boolean),
);

/** Titles and office words that describe a person rather than name them ("Foreign Minister", "Secretary of State"). */
export const TITLE_WORDS = new Set(
  `minister ministers secretary president vice prime chancellor senator sen rep representative congressman
  congresswoman governor gov mayor general secretary-general prosecutor chief judge justice ambassador envoy
  spokesman spokeswoman spokesperson director chairman chairwoman chair ceo executive leader king queen prince
  princess pope dr doctor professor prof mr mrs ms miss mx sir dame lord lady rev reverend father sister brother
  coach manager captain commissioner deputy foreign defence defense home interior shadow state of for the
  attorney speaker officer head boss founder chairperson chancellor editor analyst economist lieutenant colonel
  major sergeant admiral commander president-elect nominee candidate candidates presidential gop democratic
  republican democrat former ex acting interim assistant associate senior junior first lady gen col lt sgt adm gov
  sens reps mrs. mr. dr. trade industry culture health education finance treasury transport energy environment
  justice labour labor works pensions business economy development international affairs relations security
  un us u.s. eu nato icrc uk who mp mep mps chief-executive managing striker midfielder defender goalkeeper
  keeper winger forward skipper star actor actress singer director producer writer author presenter host
  campaigner activist lawyer spokesperson capt maj cmdr atty amb supt det insp councillor councilor alderman`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics with the gender they imply. */
export const HONORIFICS = table<"male" | "female" | null>({
  mr: "male",
  "mr.": "male",
  sir: "male",
  lord: "male",
  mrs: "female",
  "mrs.": "female",
  ms: "female",
  "ms.": "female",
  miss: "female",
  dame: "female",
  lady: "female",
  dr: null,
  "dr.": null,
  prof: null,
  professor: null,
});

/** Words that make a capitalised run the name of a body, not a person ("Defense Ministry", "Red Cross"). */
export const ORG_WORDS = new Set(
  `ministry committee council office party bank company corporation corp inc ltd plc group association union
  court house department agency commission organization organisation nations federation foundation institute
  university college school board authority service services police army navy force forces government
  administration parliament senate congress assembly cabinet kremlin pentagon commons lords tories labour
  conservatives democrats republicans campaign club team fund network times post journal news press agency
  reuters bbc cnn fox tass ap afp telegraph guardian herald tribune gazette review magazine channel radio tv
  television studios records airlines airways motors systems technologies partners industries holdings society
  centre center red cross icrc un nato eu who fbi cia nhs fa uefa fifa icc imf opec wto oecd unicef unesco
  directorate bureau watch alliance coalition movement front league convention`
    .split(/\s+/)
    .filter(Boolean),
);

/** Role nouns that stand for a person named earlier ("the diplomat"), with the title words they fit. */
export const PERSON_ROLES = table<{ fits: string[]; gender?: "male" | "female" }>({
  diplomat: { fits: ["minister", "secretary", "ambassador", "envoy", "diplomat", "secretary-general", "foreign"] },
  minister: { fits: ["minister"] },
  secretary: { fits: ["secretary", "secretary-general"] },
  official: { fits: [] },
  spokesperson: { fits: ["spokesperson", "spokesman", "spokeswoman"] },
  spokesman: { fits: ["spokesperson", "spokesman"], gender: "male" },
  spokeswoman: { fits: ["spokesperson", "spokeswoman"], gender: "female" },
  president: { fits: ["president"] },
  chancellor: { fits: ["chancellor"] },
  premier: { fits: ["prime", "premier"] },
  prosecutor: { fits: ["prosecutor"] },
  senator: { fits: ["senator", "sen"] },
  governor: { fits: ["governor", "gov"] },
  mayor: { fits: ["mayor"] },
  candidate: { fits: ["candidate", "nominee"] },
  nominee: { fits: ["candidate", "nominee"] },
  leader: { fits: ["leader"] },
  chief: { fits: ["chief", "head", "director"] },
  head: { fits: ["head", "chief", "director", "president"] },
  executive: { fits: ["executive", "ceo", "chief"] },
  boss: { fits: ["boss", "manager", "chief", "executive", "ceo", "coach"] },
  manager: { fits: ["manager", "coach", "boss"] },
  coach: { fits: ["coach", "manager"] },
  chairman: { fits: ["chairman", "chair"], gender: "male" },
  chairwoman: { fits: ["chairwoman", "chair"], gender: "female" },
  director: { fits: ["director"] },
  actor: { fits: ["actor", "star"] },
  actress: { fits: ["actress", "star"], gender: "female" },
  singer: { fits: ["singer", "star"] },
  star: { fits: ["star", "actor", "actress", "singer", "striker", "player"] },
  player: { fits: ["player", "striker", "midfielder", "defender", "goalkeeper", "winger", "captain"] },
  striker: { fits: ["striker", "forward"] },
  captain: { fits: ["captain", "skipper"] },
  skipper: { fits: ["captain", "skipper"] },
  businessman: { fits: [], gender: "male" },
  businesswoman: { fits: [], gender: "female" },
  ambassador: { fits: ["ambassador"] },
  envoy: { fits: ["envoy"] },
  lawmaker: { fits: ["senator", "rep", "representative", "congressman", "congresswoman", "mp"] },
  congressman: { fits: ["congressman", "rep", "representative"], gender: "male" },
  congresswoman: { fits: ["congresswoman", "rep", "representative"], gender: "female" },
  billionaire: { fits: [] },
  mogul: { fits: [] },
  lawyer: { fits: ["lawyer", "attorney"] },
  economist: { fits: ["economist", "analyst"] },
  analyst: { fits: ["analyst", "economist"] },
  mp: { fits: ["mp"] },
});

/** Role nouns that stand for a body named earlier ("the ministry said"). */
export const ORG_ROLES = new Set(
  "ministry committee company firm group party department agency commission organisation organization bank court council office union government campaign network administration".split(
    " ",
  ),
);

/** Capitalised words that start sentences or stand alone but never name a speaker. */
export const NOT_NAMES = new Set(
  `the a an and but or if in on at to of for by with from as it its this that these those there here he she they we
  i you his her their our my your him them us me however meanwhile although though while when where what who why how
  after before since until despite during because so yet also still then now today yesterday tomorrow last next
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
  nobody someone somebody anybody anyone everyone everybody earlier later instead indeed moreover furthermore nevertheless many most some several few one two three other
  others another all both each every no not nor any according speaking asked meanwhile overall still such
  without with within under over among between across against into through toward towards upon about above below
  mr mrs ms dr sir lady lord just only even perhaps maybe certainly clearly let please thanks thank yes well
  oh ok okay even amid mid like unlike given following including plus does did do is are was were has have had
  can could would should shall might must neither either whether which whom whose`
    .split(/\s+/)
    .filter(Boolean),
);

/** Country or city names that, as speakers, stand for a government ("Moscow said"), and their demonyms. */
export const DEMONYMS = table<string>({
  russia: "Russian",
  ukraine: "Ukrainian",
  china: "Chinese",
  france: "French",
  germany: "German",
  britain: "British",
  america: "American",
  india: "Indian",
  iran: "Iranian",
  israel: "Israeli",
  japan: "Japanese",
  italy: "Italian",
  spain: "Spanish",
  turkey: "Turkish",
  poland: "Polish",
  syria: "Syrian",
  iraq: "Iraqi",
  egypt: "Egyptian",
  canada: "Canadian",
  mexico: "Mexican",
  brazil: "Brazilian",
  australia: "Australian",
  belarus: "Belarusian",
  "north korea": "North Korean",
  "south korea": "South Korean",
});

export const MALE_PRONOUNS = new Set(["he", "him", "his", "himself"]);
export const FEMALE_PRONOUNS = new Set(["she", "her", "hers", "herself"]);

