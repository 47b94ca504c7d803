/**
 * Unit tests for src/content/site.ts `readSiteSettings` (content/site.yml over the defaults) and
 * src/content/yaml-lines.ts (the line of a field in it): what each field sets, and a message in
 * both languages, on its line, for each kind of mistake.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { readSiteSettings, SITE_FIELDS, siteMetadata, type MeasurePicture } from "../../../src/content/site.js";
import { lineOfPath } from "../../../src/content/yaml-lines.js";
import { SITE_FIELD_TEXTS } from "../../../src/messages/site.js";
import { measurePicture } from "../../../src/render/images.js";
import { folderWith, repoRoot } from "../../support/run.js";

const created: string[] = [];
after(async () => {
  for (const dir of created) await rm(dir, { recursive: true, force: true });
});

const ENV = { SITE_URL: "https://akhbar.test" };
const SAMPLE_LOGO = path.join(repoRoot, "content", "images", "logo.png");

/** A content folder with `site.yml` (when given) and the sample logo at images/logo.png. */
async function contentWith(settings?: string): Promise<string> {
  const dir = await folderWith(settings === undefined ? {} : { "site.yml": settings }, "akhbar-unit-site-");
  created.push(dir);
  await mkdir(path.join(dir, "images"), { recursive: true });
  await copyFile(SAMPLE_LOGO, path.join(dir, "images", "logo.png"));
  return dir;
}

async function read(settings: string | undefined, measure: MeasurePicture = measurePicture) {
  return readSiteSettings(await contentWith(settings), measure, ENV);
}

/** The one problem of `settings`, checked to be on `line` and under `field`. */
async function problemOf(settings: string, field: string, line: number) {
  const { problems } = await read(settings);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  const [problem] = problems;
  assert.equal(problem!.field, field);
  assert.equal(problem!.line, line, `line of ${field}`);
  assert.match(problem!.file, /site\.yml$/);
  return problem!.message;
}

describe("site.yml sets the site's settings over the defaults", () => {
  test("without the file, the defaults of SITE_URL alone", async () => {
    const { site, problems } = await read(undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(site, siteMetadata(ENV));
    assert.deepEqual([site.social, site.menu, site.contact, site.logo], [[], [], {}, undefined]);
    assert.equal(site.footer.fa, site.publisher.fa);
  });

  test("an empty file, or one of comments only, is the defaults", async () => {
    for (const text of ["", "# nothing yet\n"]) assert.deepEqual(await read(text), { site: siteMetadata(ENV), cms: { backend: "local" }, problems: [] });
  });

  test("every field: names, texts, contact, logo with its size, social accounts in a fixed order, menu links", async () => {
    const { site, problems } = await read(
      [
        "name:",
        "  fa: روابط‌عمومی فرمانداری ری",
        "  en: Rey Governorate",
        "description:",
        "  fa: خبرهای فرمانداری",
        "publisher:",
        "  fa: فرمانداری ری",
        "  en: Rey Governorate PR",
        "footer:",
        "  fa: نقل خبرها آزاد است",
        "contact:",
        "  phone: ۰۲۱-۵۵۹۰۰۰۰۰",
        "  email: pr@rey.example.ir",
        "  address: شهر ری، میدان نماز",
        "logo: /images/logo.png",
        "social:",
        "  eitaa: https://eitaa.com/rey",
        "  telegram: https://t.me/rey",
        "menu:",
        "  - title: پایگاه فرمانداری",
        "    url: https://rey.example.ir/",
        "  - title: Contact",
        "    url: /en/contact/",
        "    lang: en",
        "",
      ].join("\n"),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(site.name, { fa: "روابط‌عمومی فرمانداری ری", en: "Rey Governorate" });
    // Without `en`, the English text is the Persian one.
    assert.deepEqual(site.description, { fa: "خبرهای فرمانداری", en: "خبرهای فرمانداری" });
    assert.deepEqual(site.publisher, { fa: "فرمانداری ری", en: "Rey Governorate PR" });
    assert.deepEqual(site.footer, { fa: "نقل خبرها آزاد است", en: "نقل خبرها آزاد است" });
    assert.deepEqual(site.contact, { phone: "۰۲۱-۵۵۹۰۰۰۰۰", email: "pr@rey.example.ir", address: "شهر ری، میدان نماز" });
    assert.deepEqual(site.logo, { url: "/images/logo.png", width: 192, height: 192 });
    assert.deepEqual(site.social, [
      { network: "telegram", url: "https://t.me/rey" },
      { network: "eitaa", url: "https://eitaa.com/rey" },
    ]);
    assert.deepEqual(site.menu, [
      { title: "پایگاه فرمانداری", url: "https://rey.example.ir/", lang: "fa" },
      { title: "Contact", url: "/en/contact/", lang: "en" },
    ]);
    // SITE_URL stays the deployment's.
    assert.equal(site.url, "https://akhbar.test");
  });

  test("the footer follows the publisher when it is not set", async () => {
    const { site } = await read("publisher:\n  fa: فرمانداری ری\n");
    assert.deepEqual(site.footer, { fa: "فرمانداری ری", en: "فرمانداری ری" });
  });

  test("a byte-order mark and Windows line ends are read", async () => {
    const { site, problems } = await read("\uFEFFname:\r\n  fa: نام\r\n  en: Name\r\n");
    assert.deepEqual(problems, []);
    assert.deepEqual(site.name, { fa: "نام", en: "Name" });
  });
});

describe("a bad site.yml: one problem per field, on its line, in Persian and English", () => {
  test("an unknown field, with the nearest one named", async () => {
    const message = await problemOf("name:\n  fa: نام\nlogoo: /images/logo.png\n", "logoo", 3);
    assert.match(message.fa, /^فیلد «logoo» شناخته نیست؛ آیا منظورتان «logo» بود؟ فیلدهای مجاز: name، description، publisher، footer، contact، logo، social، menu، cms\.$/);
    assert.match(message.en, /^unknown field "logoo": did you mean "logo"\? Allowed fields: name, description/);
  });

  test("an unknown field inside a group is matched against that group's fields", async () => {
    const message = await problemOf("social:\n  telegram: https://t.me/a\n  instagramm: https://instagram.com/a\n", "social.instagramm", 3);
    assert.match(message.fa, /آیا منظورتان «instagram» بود؟ فیلدهای مجاز: telegram، instagram، x، aparat، eitaa، bale\./);
  });

  test("a social account that is not an https:// address", async () => {
    const message = await problemOf("social:\n  telegram: t.me/ostan\n", "social.telegram", 2);
    assert.equal(message.fa, "«تلگرام (telegram)» درست نوشته نشده است («t.me/ostan»): باید نشانی کاملی که با https:// آغاز می‌شود باشد، مانند `telegram: https://t.me/ostandari_tehran`.");
    assert.equal(message.en, 'social.telegram is not written right ("t.me/ostan"): it must be a full address starting with https://, such as `telegram: https://t.me/ostandari_tehran`');
  });

  test("a name written as one line instead of fa: and en:", async () => {
    const message = await problemOf("name: روابط‌عمومی\n", "name", 1);
    assert.match(message.fa, /^«نام سایت \(name\)» درست نوشته نشده است \(«روابط‌عمومی»\): باید دو سطر زیر آن، fa: برای متن فارسی/);
  });

  test("a name without its Persian text", async () => {
    const message = await problemOf("name:\n  en: Name\n", "name.fa", 1);
    assert.equal(message.fa, "«نام سایت به فارسی (name.fa)» نوشته نشده است: سطری مانند `fa: روابط‌عمومی استانداری تهران` بیفزایید.");
    assert.equal(message.en, "name.fa is required: add a line such as `fa: روابط‌عمومی استانداری تهران`");
  });

  test("an empty field", async () => {
    const message = await problemOf("footer:\n  fa:\n", "footer.fa", 2);
    assert.match(message.fa, /^«متن پانویس به فارسی \(footer\.fa\)» خالی است: آن را بنویسید/);
    assert.match(message.en, /^footer\.fa is empty: write it/);
  });

  test("an e-mail address that is not one", async () => {
    const message = await problemOf("contact:\n  phone: ۰۲۱\n  email: pr-at-example\n", "contact.email", 3);
    assert.match(message.fa, /^«ایمیل \(email\)» درست نوشته نشده است \(«pr-at-example»\)/);
  });

  test("a menu link without an address, and one to another site without https://, each on its item's line", async () => {
    const { problems } = await read("menu:\n  - title: یک\n  - title: دو\n    url: http://example.org/\n");
    assert.deepEqual(
      problems.map(({ field, line }) => [field, line]),
      [
        ["menu.url", 2],
        ["menu.url", 4],
      ],
    );
    assert.match(problems[0]!.message.fa, /^«نشانی پیوند منو \(url\)» نوشته نشده است/);
    assert.match(problems[1]!.message.en, /an address of this site starting with \/, or a full https:\/\/ address/);
  });

  test("a logo that is missing, outside content/images/, not a picture, or a link", async () => {
    const missing = await problemOf("logo: /images/nope.png\n", "logo", 1);
    assert.equal(missing.fa, "تصویر لوگو /images/nope.png پیدا نشد: آن را در پوشهٔ content/images/ بگذارید یا نامش را در site.yml درست بنویسید (مانند `logo: /images/logo.png`).");
    assert.match(missing.en, /^the logo \/images\/nope\.png is missing/);
    for (const outside of ["/logo.png", "https://example.org/logo.png", "/images/../site.yml"]) {
      const message = await problemOf(`# the logo\nlogo: ${outside}\n`, "logo", 2);
      assert.match(message.fa, /^«لوگو \(logo\)» درست نوشته نشده است/, outside);
    }
    assert.match((await problemOf("logo: /images/report.pdf\n", "logo", 1)).fa, /تصویری نیست که سایت بتواند به‌عنوان لوگو نشان دهد/);
    // A picture by its name that is none.
    const dir = await contentWith("logo: /images/logo.png\n");
    const notPicture = await readSiteSettings(dir, () => undefined, ENV);
    assert.match(notPicture.problems[0]!.message.en, /^\/images\/logo\.png is not a picture the site can show as its logo/);
    // A link is never followed.
    const linked = await contentWith("logo: /images/linked.png\n");
    await symlink(path.join(linked, "images", "logo.png"), path.join(linked, "images", "linked.png"));
    assert.match((await readSiteSettings(linked, measurePicture, ENV)).problems[0]!.message.en, /not a picture the site can show as its logo/);
  });

  test("YAML that cannot be read, and YAML that is not fields, name their line", async () => {
    const broken = await problemOf("name:\n  fa: نام\n en: Name\n", "file", 3);
    assert.match(broken.fa, /^فایل تنظیمات سایت را نمی‌توان خواند \(/);
    assert.match(broken.en, /^the site's settings cannot be read \(/);
    const list = await problemOf("- name\n- logo\n", "file", 1);
    assert.match(list.fa, /^فایل تنظیمات سایت باید سطرهایی به شکل «فیلد: مقدار» باشد/);
  });

  test("a file that is not UTF-8 is named so", async () => {
    const dir = await contentWith();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(dir, "site.yml"), Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x0a, 0x20, 0x20, 0x66, 0x61, 0x3a, 0x20, 0xe1, 0xed]));
    const { problems } = await readSiteSettings(dir, measurePicture, ENV);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, "encoding");
  });

  test("every problem is reported at once", async () => {
    const { problems } = await read("name:\n  fa: نام\nsocial:\n  x: x.com/a\nmenu:\n  - url: /about/\nfooterr: متن\nlogo: /images/nope.png\n");
    // In the file's order: an editor reads them from the top.
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.field]),
      [
        [4, "social.x"],
        [6, "menu.title"],
        [7, "footerr"],
        [8, "logo"],
      ],
    );
  });
});

describe("the messages' field table follows the schema", () => {
  test("every field of site.yml has its label, rule and example, and the table no other", () => {
    assert.deepEqual(Object.keys(SITE_FIELD_TEXTS).sort(), [...SITE_FIELDS].sort());
    for (const [field, text] of Object.entries(SITE_FIELD_TEXTS)) {
      assert.match(text.label.fa, /\(.+\)/, `${field}: the Persian label names the field as typed`);
      assert.ok(text.example.length > 0 && text.rule.fa.length > 0 && text.rule.en.length > 0, field);
    }
  });
});

describe("lineOfPath: the line of a field in YAML as editors write it", () => {
  const text = ["# settings", "name:", "  fa: نام", "  en: Name", "social:", "  telegram: https://t.me/a", "menu:", "- title: a", "  url: /a/", "-   title: b", "    url: /b/", "logo: /images/logo.png"].join("\n");
  const rows: Array<[Array<string | number>, number]> = [
    [["name"], 2],
    [["name", "en"], 4],
    [["social", "telegram"], 6],
    [["social", "x"], 5],
    [["menu", 0, "url"], 9],
    [["menu", 1], 10],
    [["menu", 1, "title"], 10],
    [["menu", 1, "url"], 11],
    [["menu", 2, "url"], 7],
    [["logo"], 12],
    [["nothing"], 1],
  ];
  for (const [path, line] of rows) test(`${path.join(".")} → line ${line}`, () => assert.equal(lineOfPath(text, path), line));
});

test("cms: the browser's editor's git service (src/admin/): local without it; a backend and its settings read; an unknown backend refused on its line", async () => {
  assert.deepEqual((await read(undefined)).cms, { backend: "local" });
  const { site, cms, problems } = await read("cms:\n  backend: gitlab\n  repo: ravabet/akhbar\n  base_url: https://git.example.ir\n  app_id: abc\n  editorial_workflow: true\n");
  assert.deepEqual(problems, []);
  assert.deepEqual(site, { ...siteMetadata(ENV) });
  assert.deepEqual(cms, { backend: "gitlab", repo: "ravabet/akhbar", base_url: "https://git.example.ir", app_id: "abc", editorial_workflow: true });
  assert.deepEqual((await read("cms:\n  repo: ravabet/akhbar\n")).cms, { backend: "local", repo: "ravabet/akhbar" });
  const problem = await problemOf("name:\n  fa: اخبار\ncms:\n  backend: bitbucket\n", "cms.backend", 4);
  assert.match(problem.fa, /سرویس گیت ویرایشگر \(backend\)/);
  assert.match(problem.fa, /gitlab/);
});
