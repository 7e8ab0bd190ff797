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

/** Every relative import of a file, as a path relative to the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)];
  return specs
    .map((m) => m[1] ?? m[2]!)
    .filter((s) => s.startsWith("."))
    .map((s) => relative(root, resolve(dirname(file), s)));
}

const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "commands"))].map((f) => ({
  file: relative(root, f),
  imports: importsOf(f),
}));

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
    expect(violations(/^src\/core\//, /^(src\/(adapters|corpus|search|quotes|digest|statements)|commands)\//)).toEqual([]);
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
    expect(violations(/^src\/(corpus|search|quotes|statements|digest)\//, /^(src\/adapters|commands)\//)).toEqual([]);
  });

  it("lets commands use the core and the domain, never an adapter", () => {
    expect(violations(/^commands\//, /^src\/adapters\//)).toEqual([]);
  });
});
