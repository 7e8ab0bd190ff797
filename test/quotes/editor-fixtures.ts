/**
 * A small newsroom written for the /quote editor tests (own sentences, no corpus text): a chancellor, two prime
 * ministers in different years, a much-quoted minister and a rarely quoted namesake, a knight, wire copies, a
 * second-hand quotation and a speaker quoted on a topic only her paragraph names.
 */
import type { Article } from "../../src/corpus/types.js";
import { makeArticle } from "../helpers/articles.js";

const meta = (outlet: string, published: string, title: string) => ({ outlet, published, title, url: `https://${outlet.toLowerCase().replace(/\W+/g, "")}.example/${published}` });

export function editorArticles(): Article[] {
  const articles: Article[] = [
    makeArticle(
      "wire/1.txt",
      [
        "Chancellor Edmund Hale set out his budget on Wednesday.",
        "\"This budget rewards work and saving,\" Mr Hale told MPs.",
        "\"Harbour duties will fall next spring,\" Mr Hale said.",
      ],
      meta("Wirefeed", "2004-03-17", "Hale unveils budget"),
    ),
    makeArticle(
      "wire/2.txt",
      [
        "Edmund Hale, the chancellor, defended the figures on Thursday.",
        "\"This budget rewards work and saving,\" Mr Hale told MPs.",
        "\"The figures add up,\" Mr Hale said.",
      ],
      meta("Wirefeed", "2004-03-18", "Hale defends budget figures"),
    ),
    makeArticle(
      "paper/3.txt",
      [
        "Prime Minister Rowan Pike met union leaders in Leeds.",
        "\"We will not cut the rail subsidy,\" Mr Pike said.",
        "Chancellor Edmund Hale joined the talks.",
      ],
      meta("Daily Ledger", "2004-05-02", "Pike meets unions"),
    ),
    makeArticle(
      "paper/4.txt",
      [
        "Prime Minister Ada Vance opened the new bridge.",
        "\"This bridge joins two towns that needed each other,\" Ms Vance said.",
        "Prime Minister Ada Vance later visited a school.",
      ],
      meta("Daily Ledger", "2009-06-10", "Vance opens bridge"),
    ),
    makeArticle(
      "paper/5.txt",
      [
        "Manchester Rovers manager Sir Callum Dray praised his players.",
        "\"The lads showed real heart tonight,\" Dray said.",
        "Callum Fenwick, the club's singer, also spoke.",
        "\"We played the anthem twice,\" Callum Fenwick said.",
        "\"The crowd sang every word,\" Callum Fenwick added.",
      ],
      meta("Sport Daily", "2005-01-08", "Rovers win again"),
    ),
    makeArticle(
      "paper/6.txt",
      [
        "Mr Hale's memoir claimed that Mr Pike told him: \"You will never sit in this chair.\"",
        "Mr Pike has denied the account.",
      ],
      meta("Daily Ledger", "2006-09-01", "Memoir row"),
    ),
    makeArticle(
      "paper/7.txt",
      [
        "Senator Nora Quill was asked about her private email server at the hearing.",
        "\"I made a mistake and I have said so,\" Ms Quill said.",
      ],
      meta("Capitol Post", "2015-09-09", "Quill questioned on private email"),
    ),
    makeArticle(
      "paper/8.txt",
      ["\"Farm payments will rise,\" Ms Quill said in Iowa on Tuesday."],
      meta("Capitol Post", "2015-11-03", "Quill in Iowa"),
    ),
    makeArticle("paper/10.txt", ["\"The pike in this river are huge,\" Ms Quill said on a fishing trip."], meta("Capitol Post", "2015-07-01", "Quill goes fishing")),
    makeArticle(
      "paper/9.txt",
      ["Foreign Minister Tobias Blair arrived in Vienna.", "\"We came to listen,\" Tobias Blair said."],
      meta("Daily Ledger", "2004-07-07", "Blair in Vienna"),
    ),
  ];
  // Tobias Blair is quoted often; Jon Blake, once.
  for (let i = 0; i < 24; i++) {
    articles.push(
      makeArticle(`blair/${i}.txt`, [`"Talks number ${i} went well for everyone," Tobias Blair said.`], meta("Daily Ledger", `2004-08-${String(i + 1).padStart(2, "0")}`, `Talks ${i}`)),
    );
  }
  articles.push(makeArticle("blake/1.txt", ["\"The river is rising fast,\" Jon Blake said."], meta("Daily Ledger", "2004-09-01", "Flood watch")));
  return articles;
}
