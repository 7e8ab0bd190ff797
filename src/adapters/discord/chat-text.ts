/**
 * Slash-command options -> the chat text the dispatcher understands, following the CommandParam contract:
 * positional parameters joined with spaces in the command's own parameter order, `filter` parameters as
 * `key:"value"`.
 */
import type { CommandParam } from "../../core/command.js";

export function chatText(
  name: string,
  params: readonly Pick<CommandParam, "name" | "filter">[],
  value: (param: string) => string | null | undefined,
): string {
  const positional: string[] = [];
  const filters: string[] = [];
  for (const param of params) {
    // Discord options are single-line already; collapsing whitespace keeps the chat text on one line regardless.
    const v = value(param.name)?.replace(/\s+/g, " ").trim();
    if (!v) continue;
    if (param.filter) filters.push(`${param.filter}:${quoteValue(v)}`);
    else positional.push(v);
  }
  return [`/${name}`, ...positional, ...filters].join(" ");
}

/** Quotes a filter value with a pair of marks it does not contain (the argument parser has no escapes). */
export function quoteValue(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("”")) return `“${value}”`;
  if (!value.includes("»")) return `«${value}»`;
  return `"${value.replace(/"/g, "'")}"`;
}
