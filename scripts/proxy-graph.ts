// `npx tsx scripts/proxy-graph.ts [entry]`: what the request layer (proxy.ts) loads. Bundles the
// entry with esbuild (packages left out) and prints the project files it reaches and the
// packages they import. lib/proxy-graph.test.ts keeps the login stack out of this graph.
import { build } from "esbuild";

export type ImportGraph = { files: string[]; packages: string[] };

/** The project files reachable from `entry` and the packages (bare imports) they use. */
export async function importGraph(entry = "proxy.ts"): Promise<ImportGraph> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
  });
  const inputs = result.metafile.inputs;
  const packages = new Set<string>();
  for (const input of Object.values(inputs))
    for (const imported of input.imports) if (imported.external) packages.add(packageName(imported.path));
  return { files: Object.keys(inputs).sort(), packages: [...packages].sort() };
}

/** "@scope/name/sub" → "@scope/name", "name/sub" → "name", "node:fs" stays. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const graph = await importGraph(process.argv[2] ?? "proxy.ts");
  console.log(`${graph.files.length} files:\n  ${graph.files.join("\n  ")}`);
  console.log(`${graph.packages.length} packages: ${graph.packages.join(", ")}`);
}
