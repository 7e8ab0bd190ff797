/** Ratios, targets and the readable table of a benchmark run (pure: figures in, text out). */
import { isFailed, type BenchReport, type EngineReport, type FirstAnswerFigures, type LatencyFigures } from "./results.js";
import type { LatencySummary } from "./stats.js";
import { ratio } from "./stats.js";

type Maybe<T> = T | { error: string } | null | undefined;
const ok = <T>(x: Maybe<T>): T | null => (x && !isFailed(x) ? (x as T) : null);

const lat = (l: LatencyFigures | undefined, command: "sources" | "quote", p: "p50" | "p95" | "p99"): number | null =>
  l?.[command]?.[p] ?? null;

/** Dateline / MiniSearch for each figure. Times and sizes: below 1 is better. Ingest speed: above 1 is better. */
export function computeRatios(ms: EngineReport | null, dl: EngineReport): Record<string, number | null> {
  const base = ms?.latency.default;
  const fuzzy = ms?.latency["prefix+fuzzy"];
  const mine = dl.latency.dateline;
  const out: Record<string, number | null> = {
    "ingest speed (MB/s, higher is better)": ratio(ok(dl.ingest)?.mbPerSecond, ok(ms?.ingest)?.mbPerSecond),
    "ingest speed, index only": ratio(ok(dl.ingest)?.parts?.indexMbPerSecond, ok(ms?.ingest)?.mbPerSecond),
    "heap per passage": ratio(ok(dl.heap)?.perPassage, ok(ms?.heap)?.perPassage),
    "snapshot size": ratio(ok(dl.snapshot)?.bytes, ok(ms?.snapshot)?.bytes),
    "first answer from snapshot": ratio(ok(dl.firstAnswer)?.ms, ok(ms?.firstAnswer)?.ms),
  };
  for (const command of ["sources", "quote"] as const) {
    for (const p of ["p50", "p95", "p99"] as const) {
      out[`/${command} ${p}`] = ratio(lat(mine, command, p), lat(base, command, p));
      out[`/${command} ${p} vs prefix+fuzzy`] = ratio(lat(mine, command, p), lat(fuzzy, command, p));
    }
  }
  const slackMine = ok(dl.slack);
  const slackBase = ok(ms?.slack);
  out["Slack answer p50"] = ratio(slackMine?.answer?.p50, slackBase?.answer?.p50);
  out["Slack answer p99"] = ratio(slackMine?.answer?.p99, slackBase?.answer?.p99);
  return out;
}

/** The targets of issue 8 (stated for 1,000,000 passages), checked against this run's figures. */
export function checkTargets(ms: EngineReport | null, dl: EngineReport): BenchReport["targets"] {
  const mine = dl.latency.dateline;
  const t = (name: string, target: string, value: number | null, met: (v: number) => boolean, unit: string) => ({
    name,
    target,
    value: value === null ? "not measured" : `${round(value)} ${unit}`,
    met: value === null ? null : met(value),
  });
  const speed = ratio(ok(dl.ingest)?.mbPerSecond, ok(ms?.ingest)?.mbPerSecond);
  return [
    t("/sources p99", "< 20 ms", lat(mine, "sources", "p99"), (v) => v < 20, "ms"),
    t("/quote p99", "< 20 ms", lat(mine, "quote", "p99"), (v) => v < 20, "ms"),
    t("first answer after start", "< 3 s", ok(dl.firstAnswer)?.ms ?? null, (v) => v < 3000, "ms"),
    t("heap per passage", "< 1 KB", ok(dl.heap)?.perPassage ?? null, (v) => v < 1024, "B"),
    t("ingest vs MiniSearch addAll", ">= 1x", speed, (v) => v >= 1, "x"),
  ];
}

function round(x: number): string {
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString("en");
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

const ms = (x: number | null | undefined) => (x == null ? "-" : `${round(x)} ms`);
const bytes = (x: number | null | undefined) =>
  x == null ? "-" : x >= 1024 * 1024 ? `${round(x / 1024 / 1024)} MB` : x >= 1024 ? `${round(x / 1024)} KB` : `${Math.round(x)} B`;
const times = (x: number | null | undefined) => (x == null ? "-" : `${round(x)}x`);
const why = (x: Maybe<unknown>) => (x && isFailed(x) ? `(${x.error.slice(0, 200)})` : "-");

/** One row per figure: MiniSearch, MiniSearch prefix+fuzzy, Dateline, Dateline / MiniSearch. */
export function tableRows(report: BenchReport): string[][] {
  const m = report.minisearch;
  const d = report.dateline;
  const r = report.ratios;
  const rows: string[][] = [["figure", "MiniSearch", "MS prefix+fuzzy", "Dateline", "Dateline/MiniSearch"]];
  const same = "(same index)";
  const mi = ok(m?.ingest);
  const di = ok(d.ingest);
  rows.push([
    "ingest (MB/s; Dateline with quotations)",
    mi ? round(mi.mbPerSecond) : why(m?.ingest),
    same,
    di ? round(di.mbPerSecond) : why(d.ingest),
    times(r["ingest speed (MB/s, higher is better)"]),
  ]);
  rows.push(["ingest, index only (MB/s)", mi ? round(mi.mbPerSecond) : "-", same, di?.parts?.indexMbPerSecond ? round(di.parts.indexMbPerSecond) : "-", times(r["ingest speed, index only"])]);
  const mh = ok(m?.heap);
  const dh = ok(d.heap);
  rows.push(["heap per passage", bytes(mh?.perPassage), same, dh ? `${bytes(dh.perPassage)} (index ${bytes(dh.parts?.indexPerPassage)})` : why(d.heap), times(r["heap per passage"])]);
  const ds_ = ok(d.snapshot);
  const quotesSnapshot = ok(ds_?.quotes);
  const datelineSnapshot = ds_ ? bytes(ds_.bytes) + (quotesSnapshot ? ` (+ quotations ${bytes(quotesSnapshot.bytes)})` : "") : why(d.snapshot);
  rows.push(["snapshot size", ok(m?.snapshot) ? bytes(ok(m?.snapshot)?.bytes) : why(m?.snapshot), same, datelineSnapshot, times(r["snapshot size"])]);
  rows.push(["first answer from snapshot", ok(m?.firstAnswer) ? ms(ok(m?.firstAnswer)?.ms) : why(m?.firstAnswer), same, ok(d.firstAnswer) ? ms(ok(d.firstAnswer)?.ms) : why(d.firstAnswer), times(r["first answer from snapshot"])]);
  for (const command of ["sources", "quote"] as const) {
    for (const p of ["p50", "p95", "p99"] as const) {
      rows.push([
        `/${command} ${p}`,
        ms(lat(m?.latency.default, command, p)),
        ms(lat(m?.latency["prefix+fuzzy"], command, p)),
        ms(lat(d.latency.dateline, command, p)),
        `${times(r[`/${command} ${p}`])} (${times(r[`/${command} ${p} vs prefix+fuzzy`])} vs fuzzy)`,
      ]);
    }
  }
  const ms_ = ok(m?.slack);
  const ds = ok(d.slack);
  const slackCell = (s: typeof ms_, pick: (s: NonNullable<typeof ms_>) => LatencySummary | null, p: "p50" | "p99") => (s ? ms(pick(s)?.[p]) : "-");
  const slackLabel = ds ?? ms_;
  const load = slackLabel ? ` (${slackLabel.requests} req, ${slackLabel.concurrency} at once)` : "";
  rows.push([`Slack ack p99${load}`, slackCell(ms_, (s) => s.ack, "p99"), "-", ds ? slackCell(ds, (s) => s.ack, "p99") : why(d.slack), "-"]);
  rows.push([`Slack answer p50`, slackCell(ms_, (s) => s.answer, "p50"), "-", slackCell(ds, (s) => s.answer, "p50"), times(r["Slack answer p50"])]);
  rows.push([`Slack answer p99`, slackCell(ms_, (s) => s.answer, "p99"), "-", slackCell(ds, (s) => s.answer, "p99"), times(r["Slack answer p99"])]);
  return rows;
}

/**
 * The child's phases, in order ("import 120 ms, corpus 900 ms, ..."). The first /quote says where its quotations
 * came from and how long opening them took (part of its time), rather than listing that as a phase of its own.
 */
export function firstAnswerPhases(first: FirstAnswerFigures): string {
  const opening = first.phases.quotesSnapshotMs ?? first.phases.quotesExtractMs;
  const source = first.quotations
    ? first.quotations.fromSnapshot
      ? `quotations from snapshot, loaded in ${ms(opening)}`
      : `quotations EXTRACTED in ${ms(opening)}: the snapshot could not be used: ${first.quotations.why ?? "no reason given"}`
    : null;
  return Object.entries(first.phases)
    .filter(([k]) => k !== "quotesSnapshotMs" && k !== "quotesExtractMs")
    .map(([k, v]) => `${k.replace(/Ms$/, "")} ${ms(v)}` + (k === "firstQuoteMs" && source ? ` (${source})` : ""))
    .join(", ");
}

/** Columns padded to their widest cell, as a Markdown table (readable in a terminal and pasteable in docs). */
export function markdownTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]) => "| " + row.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ") + " |";
  return [line(rows[0]!), "| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |", ...rows.slice(1).map(line)].join("\n");
}

export function renderReport(report: BenchReport): string {
  const c = report.corpus;
  const out: string[] = [];
  out.push(`Dateline benchmark, ${report.date}`);
  out.push(`machine: ${report.machine.cpus} x ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node} (${report.machine.platform})`);
  out.push(
    `corpus: ${c.articles.toLocaleString("en")} articles, ${c.passages.toLocaleString("en")} passages, ${round(c.megabytes)} MB of passage text` +
      (c.copies > 0 ? ` (${c.baseArticles.toLocaleString("en")} articles / ${c.basePassages.toLocaleString("en")} passages replicated: ${c.copies} perturbed copies)` : ""),
  );
  out.push(`queries: ${report.repetitions} timed repetitions of each (the first always complete; later ones within the time budget), after a short warm-up`);
  out.push("");
  out.push(markdownTable(tableRows(report)));
  out.push("");
  out.push("Targets (issue 8, for 1,000,000 passages):");
  for (const t of report.targets) out.push(`  ${t.met === null ? "?" : t.met ? "ok  " : "MISS"} ${t.name}: ${t.value} (target ${t.target})`);
  const notes = [...(report.minisearch?.notes ?? []).map((n) => `MiniSearch: ${n}`), ...report.dateline.notes.map((n) => `Dateline: ${n}`)];
  for (const [name, l] of [...Object.entries(report.minisearch?.latency ?? {}).map(([k, v]) => [`MiniSearch ${k}`, v] as const), ...Object.entries(report.dateline.latency).map(([, v]) => ["Dateline", v] as const)]) {
    if (!l.complete) notes.push(`${name}: time budget reached, fewer repetitions timed (${l.sources?.n ?? 0} + ${l.quote?.n ?? 0} samples)`);
    notes.push(`${name} slowest: ${l.slowest.map((s) => `${s.input} ${ms(s.maxMs)} (${s.found} found)`).join("; ")}`);
  }
  for (const [name, engine] of [["MiniSearch", report.minisearch], ["Dateline", report.dateline]] as const) {
    const first = ok(engine?.firstAnswer);
    if (first) notes.push(`${name} first answer: ${firstAnswerPhases(first)} (${first.found} found; wall ${ms(first.wallMs)})`);
    else if (engine?.firstAnswer) notes.push(`${name} first answer: ${why(engine.firstAnswer)}`);
    const snapshot = ok(engine?.snapshot);
    if (snapshot?.quotes) {
      const q = ok(snapshot.quotes);
      notes.push(`${name} quotations snapshot (beside the index's, not in the size ratio): ` + (q ? `${bytes(q.bytes)}, written in ${ms(q.writeMs)}` : `not written ${why(snapshot.quotes)}`));
    }
    const slack = ok(engine?.slack);
    if (slack) notes.push(`${name} Slack: ${slack.failed} of ${slack.requests} failed; ack p50 ${ms(slack.ack?.p50)}, p99 ${ms(slack.ack?.p99)}; answer p95 ${ms(slack.answer?.p95)}; all done in ${ms(slack.wallMs)}` + (slack.logged ? `; the adapter logged ${slack.logged} warnings/errors, first: ${slack.loggedSample?.[0] ?? ""}` : ""));
    else if (engine?.slack) notes.push(`${name} Slack: ${why(engine.slack)}`);
  }
  if (notes.length > 0) out.push("", "Notes:", ...notes.map((n) => `  - ${n}`));
  return out.join("\n");
}
