import { it } from "vitest";
import { quotesOf } from "./helpers.js";
it("dbg", () => {
  console.log(quotesOf("Marta Hurtado told Reuters: “All allegations must be investigated.”"));
});
