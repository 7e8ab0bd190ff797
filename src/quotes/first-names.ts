/**
 * Common given names with the gender they usually signal, for resolving "he"/"she" to a named person. A name not
 * listed gets its gender from the pronouns the article uses for that person, or stays unknown.
 */

const MALE = `aaron abdul abdullah abe adam adrian ahmed ahmad alan alastair alberto albert alec alejandro alessandro
alex alexander alexei alexey alfred ali alistair allan andre andrea andreas andrei andrey andrew andy angus anthony
antoine anton antonio antónio antony archie arnold arsene arsène arthur ashley barack barry bart ben benjamin bernard
bernie bill billy bob bobby boris brad bradley brandon brendan brett brian bruce bryan carl carlos charles charlie
chris christian christopher chuck clint colin conor craig dale damian damien dan daniel danny darren dave david
dean dennis derek dick dimitri dmitri dmitry dominic don donald doug douglas duncan dylan ed eddie edward elton
emmanuel eric erik ernest evan fabio felipe fernando francesco francis francisco frank franz fred freddie
frederick gareth garry gary gavin geoff geoffrey george georgi gerald gerard gerhard gianni giorgio giovanni glenn
gordon graham greg gregory guy hans harold harry hassan henri henrik henry herbert howard hugh hugo iain ian igor
ilya ivan jack jacob jacques jake james jamie jason javier jean jeb jeff jeffrey jeremy jerry jim jimmy joachim joe
joel johan johann john johnny jon jonathan jonny jordan jorge jose josé joseph josh joshua juan julian justin karim
karl keith ken kenneth kevin kieran kim kirill klaus kofi kurt lars laurent lee len leon leonard leonid les lewis
liam lionel lloyd louis luca lucas luis luke malcolm marcel marco marcus mario mark martin marty matt matthew
maurice max maxim michael michel miguel mike mikhail mitch mitt mohamed mohammed muhammad nathan neil nelson nicholas
nick nicolas nigel nikita nikolai noel norman oleg oliver omar oscar owen pablo paddy patrick paul pavel pedro
peter phil philip philippe pierre piers rafael ralph ramon randy ray raymond reince richard rick ricky rob robbie
robert robin rod rodney roger roman ron ronald rory ross roy rudy rupert russell ryan sadiq salman sam samuel sandy
scott sean sebastian sergei sergey sergio seth shane shaun simon stan stanley stefan stephen steve steven stuart
subrahmanyam ted terry thabo thierry thomas tim timothy tobias todd tom tommy tony trevor tyler valentin valery
victor viktor vince vincent vladimir vladislav volodymyr walter warren wayne will william xavier yuri yury zach
zachary zinedine emanuel newt marco rand ben jeb lindsey-not mike reince kellyanne-not corey paul hosni recep
benjamin bashar xi shinzo narendra nawaz hamid ashraf kim-not jens jean-claude jean-marie francois françois
manuel mariano matteo silvio wolfgang olaf frank-walter sigmar yanis alexis viktor-not petro arseniy dmytro
vitali vitaly andriy mykola yevgeny yevgeniy evgeny nikolay gennady valentina-not sergiy jose-not`;

const FEMALE = `abigail ada adele agnes aileen alexandra alice alicia alison amanda amber amelia amy ana anastasia andrea-not
angela angelina angelika anita ann anna anne annette annie april audrey barbara beatrice belinda beth betty
beverley bianca bonnie brenda bridget britney brooke camilla carla carly carmen carol caroline carolyn
catherine cathy cecilia celine charlotte cheryl chloe christina christine claire clare claudia colleen courtney
cynthia daisy dana danielle daphne debbie deborah denise diana diane dolores donna doris dorothy edith elaine
eleanor elena elisabeth eliza elizabeth ella ellen elsa emily emma erica erin esther eva eve evelyn faye felicity
fiona florence frances gabrielle gail gemma geraldine gillian gina gloria grace gwyneth hannah harriet
hazel heather helen helena hilary hillary holly ingrid irene iris isabel isabella jackie jacqueline jade jan-not
jane janet janice jasmine jean-not jennifer jenny jessica jill joan joanna joanne jodie josephine joy joyce judith
judy julia julie juliet justine karen kate katherine kathleen kathryn kathy katie katrina kay kelly kerry kim-not
kirsty kristen kylie laura lauren leah lesley linda lindsay lisa liz lizzie lorraine louise lucy lydia lynn
madeleine madonna maggie mandy margaret margaretha maria mariah marie marija marina marion marjorie marta martha
mary matilda maureen megan melanie melissa meryl michelle mirjana miranda molly monica nadia nancy naomi natalia
natalie natasha nicola nicole nina nora olga olivia paige pamela patricia paula pauline penelope penny
philippa phoebe polly rachel rebecca renee rita roberta rosa rosalind rose rosemary ruth sally samantha sandra
sara sarah sharon sheila shirley sienna silvia simone sofia sonia sophia sophie stella stephanie sue susan
suzanne svetlana sylvia tamara tanya tatiana teresa tessa theresa tina tracey tracy ursula valerie vanessa
vera veronica vicky victoria viktoria virginia wendy whitney yulia yvonne zara zoe ségolène segolene angela
condoleezza condi nancy hillary kellyanne huma ivanka melania elizabeth michelle sarah nikki carly
debbie loretta janet madeleine christine federica ursula marine nicola theresa harriet yvette margaret tessa
ruth jacqui mo patricia tanni paula kelly serena venus maria-jose kelly`;

function toSet(list: string): Set<string> {
  return new Set(
    list
      .split(/\s+/)
      .filter((w) => w && !w.endsWith("-not"))
      .map((w) => w.normalize("NFD").replace(/\p{M}/gu, "")),
  );
}

const males = toSet(MALE);
const females = toSet(FEMALE);

const NON_ASCII = /[\u0080-\uffff]/;

/** The gender a given name usually signals, or null when unknown or used for both. */
export function genderOfFirstName(name: string): "male" | "female" | null {
  // ASCII has nothing to decompose and no marks: lower case is the whole key (and most names are ASCII).
  const key = NON_ASCII.test(name)
    ? name
        .toLowerCase()
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
    : name.toLowerCase();
  const m = males.has(key);
  const f = females.has(key);
  if (m === f) return null;
  return m ? "male" : "female";
}
