/**
 * The province's counties (شهرستان), from data/counties.json: the only counties a release
 * may name. A county written with Arabic letters, a space for the half-space or extra
 * spaces is still recognised; anything else is an error with the closest county suggested.
 */
import { readFileSync } from "node:fs";
import { closest } from "fastest-levenshtein";
import { slugify } from "../persian/slug.js";

export interface County {
  /** Persian name, as shown. */
  name: string;
  english: string;
  /** URL slug: the Persian name, hyphenated (`رباط-کریم`). */
  slug: string;
}

interface CountyRecord {
  name: string;
  english: string;
}

const records = JSON.parse(readFileSync(new URL("../data/counties.json", import.meta.url), "utf8")) as CountyRecord[];

export const COUNTIES: readonly County[] = records.map((record) => ({ ...record, slug: slugify(record.name) }));

const bySlug = new Map(COUNTIES.map((county) => [county.slug, county]));

export function findCounty(written: string): County | undefined {
  return bySlug.get(slugify(written));
}

export function closestCounty(written: string): County {
  return bySlug.get(closest(slugify(written), [...bySlug.keys()]))!;
}
