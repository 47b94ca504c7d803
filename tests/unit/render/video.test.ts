/** Unit tests for src/render/video.ts and src/render/video-markdown.ts: which addresses are videos, and what a body shows of them. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isPlayerAddress, recogniseVideo, type Video } from "../../../src/render/video.js";
import { bodyVideos } from "../../../src/render/video-markdown.js";
import { createMarkdown } from "../../../src/render/markdown.js";
import { newsArticle } from "../../../src/render/structured-data.js";
import { siteMetadata } from "../../../src/content/site.js";
import { makeRelease } from "../../support/release-factory.js";

const ID = "dQw4w9WgXcQ";
const youtube = (start?: number): Video => ({
  provider: "youtube",
  id: ID,
  pageUrl: `https://www.youtube.com/watch?v=${ID}${start ? `&t=${start}s` : ""}`,
  embedUrl: `https://www.youtube-nocookie.com/embed/${ID}?autoplay=1${start ? `&start=${start}` : ""}`,
});
const aparat = (hash: string): Video => ({
  provider: "aparat",
  id: hash,
  pageUrl: `https://www.aparat.com/v/${hash}`,
  embedUrl: `https://www.aparat.com/video/video/embed/videohash/${hash}/vt/frame?autoplay=true`,
});
const file = (address: string): Video => ({ provider: "file", id: address, pageUrl: address, embedUrl: address });

describe("recognised: the address and the video it is", () => {
  const rows: Array<[string, Video]> = [
    [`https://www.youtube.com/watch?v=${ID}`, youtube()],
    [`https://www.youtube.com/watch?v=${ID}&list=PL123&index=2`, youtube()],
    [`https://www.youtube.com/watch?feature=share&v=${ID}`, youtube()],
    [`https://www.youtube.com/watch?v=${ID}&t=90`, youtube(90)],
    [`https://www.youtube.com/watch?v=${ID}&t=1m30s`, youtube(90)],
    [`https://youtu.be/${ID}?t=42`, youtube(42)],
    [`https://youtu.be/${ID}`, youtube()],
    [`https://youtu.be/${ID}?si=abcDEF`, youtube()],
    [`https://www.youtube.com/shorts/${ID}`, youtube()],
    [`https://www.youtube.com/shorts/${ID}/`, youtube()],
    [`https://www.youtube.com/embed/${ID}`, youtube()],
    [`https://youtube.com/watch?v=${ID}`, youtube()],
    [`https://m.youtube.com/watch?v=${ID}`, youtube()],
    [`HTTPS://WWW.YOUTUBE.COM/watch?v=${ID}`, youtube()],
    [`https://www.youtube.com/watch?v=${ID}&t=banana`, youtube()],
    ["https://www.aparat.com/v/iNgzs", aparat("iNgzs")],
    ["https://aparat.com/v/DEK2p", aparat("DEK2p")],
    ["https://www.aparat.com/v/jq8W1z7/", aparat("jq8W1z7")],
    ["https://www.aparat.com/v/iNgzs/%D8%A7%D9%81%D8%AA%D8%AA%D8%A7%D8%AD", aparat("iNgzs")],
    ["https://www.aparat.com/v/iNgzs?playlist=123", aparat("iNgzs")],
    ["/files/visit.mp4", file("/files/visit.mp4")],
    ["/files/1403/visit.WEBM", file("/files/1403/visit.WEBM")],
    ["/files/%D9%81%DB%8C%D9%84%D9%85.mp4", file("/files/%D9%81%DB%8C%D9%84%D9%85.mp4")],
  ];
  for (const [address, video] of rows) {
    test(address, () => {
      assert.deepEqual(recogniseVideo(address), video);
      assert.ok(video.provider === "file" || isPlayerAddress(video.embedUrl), video.embedUrl);
    });
  }
});

describe("refused: not a video, stays the link or text it was", () => {
  const rows: Array<[string, string]> = [
    [`http://www.youtube.com/watch?v=${ID}`, "http"],
    [`//www.youtube.com/watch?v=${ID}`, "protocol-relative"],
    [`https://www.youtube.com.evil.example/watch?v=${ID}`, "look-alike host"],
    [`https://evil.example/www.youtube.com/watch?v=${ID}`, "host in the path"],
    [`https://evil.example/?u=https://youtu.be/${ID}`, "address in the query"],
    [`https://www.youtube.com@evil.example/watch?v=${ID}`, "userinfo naming the host"],
    [`https://user:pass@www.youtube.com/watch?v=${ID}`, "userinfo"],
    [`https://www.youtube.com:8443/watch?v=${ID}`, "port"],
    [`https://www.youtube.com./watch?v=${ID}`, "trailing dot"],
    [`https://www.xn--yutube-wqf.com/watch?v=${ID}`, "punycode look-alike"],
    [`https://www.yоutube.com/watch?v=${ID}`, "Cyrillic o"],
    [`https://music.youtube.com/watch?v=${ID}`, "other subdomain"],
    [`https://www.youtube-nocookie.com/embed/${ID}`, "the player itself"],
    [`https://www.youtube.com/watch?v=dQw4w9WgXc`, "id too short"],
    [`https://www.youtube.com/watch?v=dQw4w9WgXcQQ`, "id too long"],
    [`https://www.youtube.com/watch?v=dQw4w9"><sc`, "quote and angle bracket"],
    [`https://www.youtube.com/watch?v=dQw4w9%22%3E1`, "encoded quote"],
    [`https://youtu.be/dQw4w9W'XcQ`, "apostrophe"],
    [`https://youtu.be/${ID}/extra`, "extra path"],
    [`https://www.youtube.com/${ID}`, "bare id path"],
    [`https://www.youtube.com/watch`, "no id"],
    [`https://www.youtube.com/channel/UC123`, "channel"],
    ["https://www.aparat.com/v/abc", "hash too short"],
    [`https://www.aparat.com/v/${"a".repeat(33)}`, "hash too long"],
    ["https://www.aparat.com/v/ab-cd", "dash in hash"],
    ["https://www.aparat.com/v/a%3Cb%3Ecd", "angle brackets in hash"],
    ["https://www.aparat.com/video/video/embed/videohash/iNgzs/vt/frame", "the Aparat player itself"],
    ["https://www.aparat.com/iNgzs", "no /v/"],
    ["https://aparat.com.evil.example/v/iNgzs", "Aparat look-alike"],
    ["https://evil.example/aparat.com/v/iNgzs", "Aparat in the path"],
    ["javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ", "javascript:"],
    ["data:text/html,https://youtu.be/dQw4w9WgXcQ", "data:"],
    ["/images/visit.mp4", "a video outside /files/"],
    ["/files/visit.mov", "another extension"],
    ["/files/visit.mp4.pdf", "a document"],
    ["/files/../secret.mp4", "a part that climbs"],
    ["/files/%2e%2e/secret.mp4", "an encoded climb"],
    ["/files/.hidden.mp4", "a hidden file"],
    ["/files/a.mp4?x=1", "a query"],
    ['/files/a".mp4', "a quote"],
    ["https://example.org/files/a.mp4", "another site's file"],
    ["", "empty"],
    [`https://youtu.be/${ID}?${"t=1&".repeat(600)}`, "too long"],
  ];
  for (const [address, why] of rows) {
    test(`${why}: ${address.slice(0, 80)}`, () => assert.equal(recogniseVideo(address), undefined));
  }
});

describe("isPlayerAddress: only the players' addresses as made here", () => {
  const refused = [
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&x=1",
    "http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
    "https://www.youtube-nocookie.com.evil.example/embed/dQw4w9WgXcQ?autoplay=1",
    "https://evil.example/embed/dQw4w9WgXcQ?autoplay=1",
    "https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1",
    "https://www.aparat.com/video/video/embed/videohash/iNgzs/vt/frame",
    "https://www.aparat.com/video/video/embed/videohash/iNgzs/vt/frame?autoplay=true#",
    "https://www.aparat.com/v/iNgzs",
    "javascript:alert(1)",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\n",
    "",
  ];
  for (const address of refused) test(`refused: ${JSON.stringify(address)}`, () => assert.equal(isPlayerAddress(address), false));
});

describe("Markdown: a paragraph that is only a video's address, or only [title](address)", () => {
  const markdown = createMarkdown();
  const render = (source: string, form: "player" | "link" = "player", lang: "fa" | "en" = "fa") => {
    const env = bodyVideos(form, { title: "افتتاح <بوستان>", lang });
    return { html: markdown.render(source, env), found: env.videos.found };
  };

  test("an address alone on its line: a placeholder titled after the release, outside any <p>, linking to the video's page", () => {
    const { html, found } = render(`https://youtu.be/${ID}`);
    assert.equal(
      html,
      `<figure class="video video--youtube" data-akhbar-video="https://www.youtube-nocookie.com/embed/${ID}?autoplay=1">\n` +
        `<a href="https://www.youtube.com/watch?v=${ID}" class="video__link" rel="noopener noreferrer"><span class="video__play" aria-hidden="true"></span><span class="video__title">ویدیو: افتتاح &lt;بوستان&gt;</span><span class="video__provider">ویدیو در یوتیوب</span></a>\n` +
        `</figure>\n`,
    );
    assert.deepEqual(found, [{ ...youtube(), title: "ویدیو: افتتاح <بوستان>" }]);
  });

  test("[title](address): the link's text is the title, escaped", () => {
    const { html, found } = render(`[گزارش <script>alert(1)</script> *ویدیویی*](https://www.aparat.com/v/iNgzs)`);
    assert.match(html, /^<figure class="video video--aparat" data-akhbar-video="https:\/\/www\.aparat\.com\/video\/video\/embed\/videohash\/iNgzs\/vt\/frame\?autoplay=true">/);
    assert.ok(html.includes(`<span class="video__title">گزارش &lt;script&gt;alert(1)&lt;/script&gt; ویدیویی</span>`), html);
    assert.doesNotMatch(html, /<script|<p>|<iframe/);
    assert.equal(found[0]?.title, "گزارش <script>alert(1)</script> ویدیویی");
  });

  test("a file of the site: <video> that loads nothing before it is played, a link inside for browsers without video", () => {
    const { html } = render(`[بازدید](/files/visit.mp4)`);
    assert.equal(
      html,
      `<figure class="video video--file">\n<video class="video__player" controls preload="none" src="/files/visit.mp4"><a href="/files/visit.mp4">بازدید</a></video>\n<figcaption class="video__caption">بازدید</figcaption>\n</figure>\n`,
    );
  });

  test("in a feed a video is a plain link to its page, titled", () => {
    assert.equal(render(`https://youtu.be/${ID}`, "link", "en").html, `<p class="video-link"><a href="https://www.youtube.com/watch?v=${ID}" rel="noopener noreferrer">Video: افتتاح &lt;بوستان&gt;</a></p>\n`);
  });

  const unchanged = [
    `see https://youtu.be/${ID} here`,
    `https://youtu.be/${ID} https://youtu.be/${ID}`,
    `[a](https://youtu.be/${ID}) and more`,
    `[![picture](/images/a.jpg)](https://youtu.be/${ID})`,
    `https://www.youtube.com@evil.example/watch?v=${ID}`,
    `https://www.youtube.com.evil.example/watch?v=${ID}`,
    `http://www.youtube.com/watch?v=${ID}`,
    `[x](javascript:alert(1)//https://youtu.be/${ID})`,
    "https://evil.example/www.youtube.com/watch?v=dQw4w9WgXcQ",
  ];
  for (const source of unchanged) {
    test(`stays as it was: ${source}`, () => {
      const { html, found } = render(source);
      assert.equal(html, markdown.render(source));
      assert.deepEqual(found, []);
      assert.doesNotMatch(html, /video|youtube-nocookie|<figure/);
    });
  }

  test("without { videos } in the environment (content pages, other callers) a video's address stays a link", () => {
    assert.equal(markdown.render(`https://youtu.be/${ID}`), `<p><a href="https://youtu.be/${ID}" rel="noopener noreferrer">https://youtu.be/${ID}</a></p>\n`);
  });

  test("several videos are found in order; a link whose text is its address is titled after the release", () => {
    const { found } = render(`https://www.aparat.com/v/iNgzs\n\ntext\n\n[https://youtu.be/${ID}](https://youtu.be/${ID})`);
    assert.deepEqual(
      found.map((video) => [video.provider, video.title]),
      [
        ["aparat", "ویدیو: افتتاح <بوستان>"],
        ["youtube", "ویدیو: افتتاح <بوستان>"],
      ],
    );
  });
});

describe("JSON-LD: the release's videos as VideoObjects", () => {
  const site = siteMetadata({ SITE_URL: "https://akhbar.test/archive" });
  const markdown = createMarkdown();
  const videosOf = (source: string, release: { title: string; lang: "fa" | "en" }) => {
    const env = bodyVideos("player", release);
    markdown.render(source, env);
    return env.videos.found;
  };

  test("a provider's video names its player; a file of the site its address; uploaded with the release, pictured by its picture", () => {
    const release = makeRelease(149835, "2025-03-20T10:00:00+03:30", { title: "بوستان", lead: "خلاصه", image: "/images/a.jpg" });
    const videos = videosOf(`https://youtu.be/${ID}\n\n[بازدید](/files/visit.mp4)`, release);
    const article = newsArticle(site, release, videos);
    assert.deepEqual(article.video, [
      {
        "@type": "VideoObject",
        name: "ویدیو: بوستان",
        description: "خلاصه",
        uploadDate: "2025-03-20T10:00:00+03:30",
        thumbnailUrl: "https://akhbar.test/archive/images/a.jpg",
        embedUrl: `https://www.youtube-nocookie.com/embed/${ID}?autoplay=1`,
        url: `https://www.youtube.com/watch?v=${ID}`,
      },
      {
        "@type": "VideoObject",
        name: "بازدید",
        description: "خلاصه",
        uploadDate: "2025-03-20T10:00:00+03:30",
        thumbnailUrl: "https://akhbar.test/archive/images/a.jpg",
        contentUrl: "https://akhbar.test/archive/files/visit.mp4",
      },
    ]);
  });

  test("no video, no `video` field", () => {
    const release = makeRelease(1, "2025-03-20T10:00:00+03:30", { title: "t" });
    assert.equal("video" in newsArticle(site, release, []), false);
    assert.equal("video" in newsArticle(site, release), false);
  });
});
