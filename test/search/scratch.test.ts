import { test } from "vitest";
import { analyze } from "../../src/search/analysis.js";
import { learnAcronyms } from "../../src/search/acronyms.js";
test("scratch", () => {
console.log(analyze("the infamous video of the shooting of unarmed war prisoners. Prisoners of war; the International Committee of the Red Cross (ICRC)"));
console.log(learnAcronyms("talks with International Committee of the Red Cross (ICRC) President. upholding IHL (international humanitarian law) and the Bank of England (BoE) and Organization for Security and Co-operation in Europe (OSCE) foo (NATO) and the U.S. (USA) and WHO (World Health Organization)"));
});
