/** Holds the dependency rules of ARCHITECTURE.md by reading every import of the source tree. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Every relative import of a file (type-only imports, re-exports, side-effect and dynamic imports included), as the
 * path of the source file it names, relative to the project root ("./x.js" is the file "x.ts").
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)];
  return specs
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((s) => s.startsWith("."))
    .map((s) => relative(root, resolve(dirname(file), s)).replace(/\.js$/, ".ts"));
}

/** The product (src/, commands/) and what runs it besides the tests (scripts/, bench/): the rules below name which they hold for. */
const files = ["src", "commands", "scripts", "bench"].flatMap((dir) => sourceFiles(join(root, dir))).map((f) => ({
  file: relative(root, f),
  imports: importsOf(f),
}));

/**
 * The import cycles among `files`: one per strongly connected component of the import graph (Tarjan), each named
 * by one closed path through it ("a.ts -> b.ts -> a.ts"), found by a breadth-first search from its first file.
 */
function importCycles(): string[] {
  const edges = new Map(files.map((f) => [f.file, f.imports]));
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, order.size);
    low.set(v, order.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges.get(v)!.includes(v)) components.push(component);
  };
  for (const { file } of files) if (!order.has(file)) visit(file);
  return components.map((component) => {
    const inside = new Set(component);
    const start = component.sort()[0]!;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const next of edges.get(queue[i]!)!) {
        if (!inside.has(next) || cameFrom.has(next)) continue;
        cameFrom.set(next, queue[i]!);
        if (next === start) break;
        queue.push(next);
      }
      if (cameFrom.has(start)) break;
    }
    const path = [start];
    for (let at = cameFrom.get(start)!; at !== start; at = cameFrom.get(at)!) path.unshift(at);
    path.unshift(start);
    return `${path.join(" -> ")} (${component.length} files in the cycle's component)`;
  });
}

function violations(from: RegExp, forbidden: RegExp): string[] {
  return files
    .filter((f) => from.test(f.file))
    .flatMap((f) => f.imports.filter((i) => forbidden.test(i)).map((i) => `${f.file} -> ${i}`));
}

describe("dependency rules", () => {
  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("keeps src/core free of adapters, commands and domain modules", () => {
    expect(violations(/^src\/core\//, /^(src\/(adapters|corpus|index|search|quotes|digest|statements)|commands)\//)).toEqual([]);
  });

  it("lets adapters import only src/core (and their own folder)", () => {
    const adapterFiles = /^src\/adapters\/(\w+)\//;
    const bad = files
      .filter((f) => adapterFiles.test(f.file))
      .flatMap((f) => {
        const own = `src/adapters/${adapterFiles.exec(f.file)![1]}/`;
        return f.imports.filter((i) => !i.startsWith("src/core/") && !i.startsWith(own)).map((i) => `${f.file} -> ${i}`);
      });
    expect(bad).toEqual([]);
  });

  it("keeps domain modules free of adapters and commands", () => {
    expect(violations(/^src\/(corpus|index|search|quotes|statements|digest)\//, /^(src\/adapters|commands)\//)).toEqual([]);
  });

  it("lets commands use the core and the domain, never an adapter", () => {
    expect(violations(/^commands\//, /^src\/adapters\//)).toEqual([]);
  });

  it("resolves every relative import to a source file", () => {
    const known = new Set(files.map((f) => f.file));
    expect(files.flatMap((f) => f.imports.filter((i) => !known.has(i)).map((i) => `${f.file} -> ${i}`))).toEqual([]);
  });

  it("keeps src/text a leaf: it imports only the core and its own folder", () => {
    expect(violations(/^src\/text\//, /^(?!src\/(text|core)\/|src\/paths\.ts$)/)).toEqual([]);
  });

  it("lets quotes/ and search/ meet only in src/index/ and src/text/", () => {
    expect(violations(/^src\/search\//, /^src\/quotes\//)).toEqual([]);
    expect(violations(/^src\/quotes\//, /^src\/search\//)).toEqual([]);
  });

  it("keeps src/index below both: it imports only itself, the core, the text toolkit and the corpus types", () => {
    expect(violations(/^src\/index\//, /^(?!src\/(index|core|text)\/|src\/corpus\/types\.ts$)/)).toEqual([]);
  });

  it("reaches MiniSearch only through its public surface: no private field, no undocumented loader", () => {
    const privateUse = /\b_(tree|prefix|index|documentIds|idToShortId|fieldLength|avgFieldLength|documentCount|nextId|fieldIds|dirtCount|storedFields|options|enqueuedVacuum|currentVacuum)\b|\bloadJS\b/;
    const offenders = files.filter((f) => privateUse.test(readFileSync(join(root, f.file), "utf8"))).map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it("has no import cycle in src/, commands/, scripts/ or bench/, type-only imports included", () => {
    expect(importCycles()).toEqual([]);
  });
});
