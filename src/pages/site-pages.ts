/** The site's own pages, made from the archive rather than from files: home, search, 404. */
import type { UserConfig } from "@11ty/eleventy";
import type { AkhbarContext } from "../context/context.js";
import { renderHome } from "../../layouts/home.js";
import { renderSearch } from "../../layouts/search.js";
import { renderNotFound } from "../../layouts/not-found.js";

/** Adds a page that Eleventy writes at `permalink`, rendered by `render`. */
export function addPage(eleventyConfig: UserConfig, name: string, permalink: string, render: () => string | Promise<string>): void {
  eleventyConfig.addTemplate(`akhbar/${name}.11ty.js`, { render }, { permalink, layout: false });
}

export function registerSitePages(eleventyConfig: UserConfig, { site, archive, index }: AkhbarContext): void {
  addPage(eleventyConfig, "home", "/index.html", () => renderHome({ site, releases: archive().releases }));
  addPage(eleventyConfig, "search", "/search/index.html", () => renderSearch({ site, index: index() }));
  addPage(eleventyConfig, "not-found", "/404.html", () => renderNotFound({ site }));
}
