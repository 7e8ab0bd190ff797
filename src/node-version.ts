/**
 * The Node.js version Dateline needs, stated once: 20.15, for `zlib.crc32`, which every snapshot uses (package.json's
 * `engines` and the README say the same; test/cli/node-version.test.ts holds the three together). Imports nothing,
 * so that src/cli.ts can check it before loading a module an older Node.js could not even link.
 */
export const REQUIRED_NODE = "20.15";

/** Why this Node.js cannot run Dateline (`version` as in `process.version`, "v20.14.0"), or null when it can. */
export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  const [needMajor, needMinor] = REQUIRED_NODE.split(".").map(Number) as [number, number];
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `Dateline needs Node.js ${REQUIRED_NODE} or later (zlib.crc32, used by its snapshots); this is Node.js ${version.replace(/^v/, "")}`;
}
