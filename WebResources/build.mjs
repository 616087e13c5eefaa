// Bundles each web resource into one classic script (no module loader in Dataverse forms) and
// copies the static files, into dist/ under the names the web resources have in the solution.
// Also bundles the browser-test harness (WebResources.Harness/page) into its out/ folder.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
const harnessOut = join(root, "WebResources.Harness", "page", "out");

const common = {
  bundle: true,
  format: "iife",
  target: "es2020",
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
};

// Form libraries expose their handlers as namespaced globals, e.g. TeamSelling.DealSolution.onLoad.
const scripts = [
  { entry: "src/scripts/opportunity_teamselling.ts", out: "tsell_/scripts/opportunity_teamselling.js", globalName: "TeamSelling.Opportunity" },
  { entry: "src/scripts/dealsolution.ts", out: "tsell_/scripts/dealsolution.js", globalName: "TeamSelling.DealSolution" },
  { entry: "src/stakeholdermap/main.ts", out: "tsell_/stakeholdermap/stakeholdermap.js", globalName: "TeamSelling.StakeholderMap" },
];
const staticFiles = [
  { from: "src/stakeholdermap/index.html", to: "tsell_/stakeholdermap/index.html" },
  { from: "src/stakeholdermap/stakeholdermap.css", to: "tsell_/stakeholdermap/stakeholdermap.css" },
];

await rm(dist, { recursive: true, force: true });
await Promise.all(scripts.map((s) =>
  build({ ...common, entryPoints: [join(root, s.entry)], outfile: join(dist, s.out), globalName: s.globalName })));
for (const f of staticFiles) {
  await mkdir(dirname(join(dist, f.to)), { recursive: true });
  await copyFile(join(root, f.from), join(dist, f.to));
}

await rm(harnessOut, { recursive: true, force: true });
await build({ ...common, entryPoints: [join(root, "WebResources.Harness/page/fake-xrm.ts")], outfile: join(harnessOut, "fake-xrm.js"), globalName: "FakeXrm", sourcemap: "inline" });
console.log(`web resources built into ${dist}`);
