/** Templated wire items: gathered by kind apart from the stories, one entry per company. */
import { describe, expect, it } from "vitest";
import { displayName, gatherTemplated } from "../../src/digest/templated.js";
import { makeArticle } from "../helpers/articles.js";

const COMPANIES = ["ALPHA WIDGETS CORP <AWC>", "BETA FOODS INC <BFI>", "GAMMA RAIL CO <GRC>", "DELTA MINING <DMN>", "EPSILON BANCORP <EPS>", "ZETA LABS INC <ZLB>"];
const result = (i: number, company: string, period: string) =>
  makeArticle(`r${i}`, [`Shr ${i} cts vs ${i + 1} cts Net ${i},000 vs ${i + 2},000`], { title: `${company} ${period} NET`, published: `1987-04-07T1${i % 10}:00:00Z` });
const news = (i: number, title: string, body: string) => makeArticle(`n${i}`, [body], { title, published: "1987-04-07T12:00:00Z" });

describe("gatherTemplated", () => {
  const periods = ["1ST QTR", "3RD QTR FEB 28", "YEAR", "4TH QTR", "1ST QTR", "2ND QTR"];
  const results = COMPANIES.map((c, i) => result(i, c, periods[i]!));
  const dividends = ["ITT CORP <ITT> DECLARES DIVIDEND", "ITT CORP <ITT> REGULAR QTRLY DIVIDEND", "OMEGA GAS <OGS> DECLARES DIVIDEND", "SIGMA PAPER <SGP> DECLARES DIVIDEND", "TAU STEEL <TST> DECLARES DIVIDEND"].map(
    (title, i) => makeArticle(`d${i}`, ["Qtly div 25 cts vs 25 cts prior"], { title, published: "1987-04-07T15:00:00Z" }),
  );
  const stories = [
    news(1, "VOLCKER WARNS AGAINST DOLLAR DECLINE", "Federal Reserve Board Chairman Paul Volcker said a further drop of the dollar would hurt growth."),
    news(2, "KUWAIT SEEKS FOREIGN FLAGS FOR TANKERS", "Kuwait asked four countries for the use of their flags to protect its tankers in the Gulf."),
    news(3, "ALPHA WIDGETS TO BUILD NEW PLANT IN OHIO", "Alpha Widgets Corp said it would build a plant in Ohio employing 400 people."),
  ];

  it("gathers results and dividends into one kind each, one entry per company, and leaves the news", () => {
    const { kinds, rest } = gatherTemplated([...results, ...dividends, ...stories]);
    expect(kinds.map((k) => [k.label, k.articles])).toEqual([
      ["Company results", 6],
      ["Dividends", 5],
    ]);
    expect(rest.map((a) => a.id).sort()).toEqual(["n1", "n2", "n3"]);
    const names = kinds[0]!.items.map((i) => i.name).sort();
    expect(names).toEqual(["Alpha Widgets", "Beta Foods", "Delta Mining", "Epsilon", "Gamma Rail", "Zeta Labs"]);
    expect(kinds[1]!.items.find((i) => i.name === "ITT")!.docs.sort()).toEqual(["d0", "d1"]);
  });

  it("leaves a few items of one pattern, or one story repeated under one name, as stories", () => {
    expect(gatherTemplated([...results.slice(0, 3), ...stories]).kinds).toEqual([]);
    const repeats = Array.from({ length: 6 }, (_, i) => result(i, "ALPHA WIDGETS CORP <AWC>", "1ST QTR"));
    expect(gatherTemplated(repeats).kinds).toEqual([]);
  });

  it("names companies as a reader writes them", () => {
    expect(displayName(["TEXAS", "EASTERN", "CORP"])).toBe("Texas Eastern");
    expect(displayName(["CTS", "CORP"], "CTS")).toBe("CTS");
    expect(displayName(["BANK", "OF", "BOSTON"])).toBe("Bank of Boston");
  });
});
