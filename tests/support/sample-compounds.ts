/**
 * The sample archive's compounds (content/), as `npm run import` and `check --fix` read them:
 * the hand-made releases 1402/149840.md and 149841.md had `check --fix` write the half-spaces of
 * the compounds the other sample releases write with one, so a seed's import matches them once
 * the same repair is applied (src/persian/half-space-repair.ts).
 */
import path from "node:path";
import { CompoundLexicon } from "../../src/persian/lexicon.js";
import { repairImportedText } from "../../src/persian/half-space-repair.js";
import { scanReleases } from "../../src/editors/release-file.js";
import type { OldPage } from "../../src/editors/importer.js";
import { repoRoot } from "./run.js";

let sample: Promise<CompoundLexicon> | undefined;

export function sampleLexicon(): Promise<CompoundLexicon> {
  return (sample ??= scanReleases(path.join(repoRoot, "content")).then((releases) => CompoundLexicon.fromTaught(releases.map((release) => release.compounds ?? []))));
}

/** A text with the half-spaces the sample archive's compounds give it. */
export async function withSampleHalfSpaces(text: string): Promise<string> {
  return repairImportedText(text, await sampleLexicon()).text;
}

/** A page as `importFiles` writes it into the sample archive. */
export async function pageWithSampleHalfSpaces(page: OldPage): Promise<OldPage> {
  const repair = withSampleHalfSpaces;
  return { ...page, title: await repair(page.title), lead: page.lead === undefined ? undefined : await repair(page.lead), paragraphs: await Promise.all(page.paragraphs.map(repair)) };
}
