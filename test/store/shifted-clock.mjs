// Test only, preloaded into a bot process (NODE_OPTIONS=--import): moves the process's clock. On SIGUSR2 it reads
// a number of milliseconds from the file named by DATELINE_TEST_CLOCK_FILE and from then on `Date.now()` and
// `new Date()` are that far ahead of the real time (timers are not touched: the scheduler's next tick comes as usual).
import { readFileSync } from "node:fs";
import process from "node:process";
import { isMainThread } from "node:worker_threads";

const file = process.env.DATELINE_TEST_CLOCK_FILE;
if (file && isMainThread) {
  const RealDate = Date;
  let offset = 0;
  // A function, not a class: `Date()` called without `new` still gives a string, and instances are real Dates.
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offset] : args, new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + offset;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
  process.on("SIGUSR2", () => {
    offset = Number(readFileSync(file, "utf8").trim()) || 0;
    process.stderr.write(`clock moved ${offset} ms ahead\n`);
  });
}
