/**
 * The part of Eleventy 3's API that Akhbar uses. Eleventy ships no TypeScript types for
 * its configuration object, so the project declares what it calls and nothing more.
 */
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    /** The global data folder (`_data`), inside the input folder. */
    data: string;
  }

  export interface EleventyEventArguments {
    directories: EleventyDirectories;
    runMode: "build" | "watch" | "serve";
    outputMode: "fs" | "json" | "ndjson";
    /** In eleventy.after: every page written, with its content. */
    results?: Array<{ url: string; outputPath: string; content: string }>;
  }

  export interface EleventyPageData {
    page: { inputPath: string; url: string | false; outputPath: string | false };
    content: string;
    [key: string]: unknown;
  }

  export interface VirtualTemplate {
    /** A function is called when Eleventy reads the template's data: after eleventy.before. */
    data?: Record<string, unknown> | (() => Record<string, unknown>);
    render(data: EleventyPageData): string | Promise<string>;
  }

  export interface UserConfig {
    directories: EleventyDirectories;
    setLibrary(name: "md", library: unknown): void;
    amendLibrary(name: "md", amend: (library: unknown) => void): void;
    setFrontMatterParsingOptions(options: Record<string, unknown>): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, template: VirtualTemplate, data?: Record<string, unknown>): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    /** Runs before a template of these extensions renders; returning nothing keeps its content. */
    addPreprocessor(name: string, extensions: string, preprocessor: (data: EleventyPageData, content: string) => unknown): void;
    addWatchTarget(path: string): void;
    /** Globs Eleventy's file watcher does not watch. */
    watchIgnores: Set<string>;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    on(event: "eleventy.before" | "eleventy.after", handler: (args: EleventyEventArguments) => unknown): void;
    /** Before a rebuild of the dev server: the files whose change started it. */
    on(event: "eleventy.beforeWatch", handler: (changedFiles: string[]) => unknown): void;
    /** "sequential": the handlers of one event run one after another, in the order they were added. */
    setEventEmitterMode(mode: "parallel" | "sequential"): void;
    setWatchJavaScriptDependencies(watch: boolean): void;
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void, options?: T): void;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    /** Run with the configuration object before the configuration file (its plugins' handlers are added after this one's). */
    config?: (config: UserConfig) => void | Promise<void>;
  }

  /**
   * Rewrites every address in every HTML page for the config's `pathPrefix` (href, src,
   * srcset, action, a refresh's url, …); does nothing when the prefix is `/`.
   */
  export function HtmlBasePlugin(config: UserConfig, options?: { baseHref?: string; extensions?: string }): void;

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    init(): Promise<void>;
    /** The first build, then the file watcher (`watcher`), which rebuilds on each of its events. */
    watch(): Promise<unknown>;
    serve(port: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** Eleventy's file watcher (chokidar): "change" and "add" events with a file's path start a rebuild. */
    watcher: { emit(event: "change" | "add" | "unlink", file: string): boolean };
    /** Turns Eleventy's logger off: its progress, its "Wrote … files" summary and the errors it prints (src/eleventy/build-log.ts). */
    disableLogger(): void;
    /**
     * What Eleventy calls with an error that stopped a build (`error`, or `fatal` when it stops
     * the watcher too), to print it: the dev server's failed rebuilds reach the build's log here.
     */
    errorHandler: { error(error: unknown, message?: string): void; fatal(error: unknown, message?: string): void };
  }
}
