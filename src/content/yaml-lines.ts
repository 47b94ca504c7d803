/**
 * The line of a value in a YAML file as editors write it (content/site.yml): `social.telegram`
 * is the `telegram:` line under `social:`, `menu.2.url` the `url:` line of the list's third item.
 * js-yaml gives the parsed values without their places, and a message without its line leaves the
 * editor searching; the block style editors write (one `key: value` a line, nested by indentation,
 * list items with `- `) is read here by indentation alone, which is enough to find a line.
 */

type Part = string | number;

interface Entry {
  /** The column of the key, or of the dash of a list item. */
  column: number;
  path: Part[];
  kind: "key" | "item";
  /** How many list items were seen directly below it. */
  items: number;
}

const ROW = /^( *)((?:- +)?)(.*)$/;
const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#:'"][^#:]*?))\s*:(?:\s|$)/;

/** The paths that start on each line (a list item and its first key share one), by 0-based line number. */
export function yamlLinePaths(text: string): Map<number, Part[][]> {
  const paths = new Map<number, Part[][]>();
  const add = (index: number, path: Part[]) => paths.set(index, [...(paths.get(index) ?? []), path]);
  const root: Entry = { column: -1, path: [], kind: "key", items: 0 };
  const stack: Entry[] = [root];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed === "---") return;
    const [, spaces = "", dash = "", rest = ""] = ROW.exec(line)!;
    const column = spaces.length;
    const match = KEY.exec(rest);
    const key = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
    if (dash !== "") {
      // A list item: a sibling item at its column ends, as does anything deeper; a key at its column is its list's key.
      while (stack.length > 1 && (stack.at(-1)!.column > column || (stack.at(-1)!.column === column && stack.at(-1)!.kind === "item"))) stack.pop();
      const parent = stack.at(-1)!;
      const item: Entry = { column, path: [...parent.path, parent.items++], kind: "item", items: 0 };
      stack.push(item);
      add(index, item.path);
      if (key !== undefined) {
        const entry: Entry = { column: column + dash.length, path: [...item.path, key], kind: "key", items: 0 };
        stack.push(entry);
        add(index, entry.path);
      }
      return;
    }
    if (key === undefined) return; // a value's continuation line
    while (stack.length > 1 && stack.at(-1)!.column >= column) stack.pop();
    const entry: Entry = { column, path: [...stack.at(-1)!.path, key], kind: "key", items: 0 };
    stack.push(entry);
    add(index, entry.path);
  });
  return paths;
}

/** The 1-based line of `path` in `text`; of the nearest enclosing value found when it is not there; 1 when none is. */
export function lineOfPath(text: string, path: readonly Part[]): number {
  let best = { length: 0, line: 1 };
  for (const [index, linePaths] of yamlLinePaths(text)) {
    for (const linePath of linePaths) {
      if (linePath.length > path.length || linePath.length <= best.length) continue;
      if (linePath.every((part, position) => part === path[position])) best = { length: linePath.length, line: index + 1 };
    }
  }
  return best.line;
}
