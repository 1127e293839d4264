/**
 * A message from any error body: both documented envelopes, `{ error: "text" }`, `{ message }`,
 * `{ errors: ["text"] }`, messages that are not strings (short JSON, never "[object Object]"), HTML pages
 * (comments, scripts and styles dropped, entities decoded, the title or first heading preferred); one line,
 * at most 100 characters after the status. An empty body is `body: undefined` whatever the headers say.
 */
import { describe, expect, test } from "vitest";
import type { APIError } from "../../src/index.js";
import { client, details, fakeFetch, rejection } from "../fake-fetch.js";

const fail = async (body: unknown, headers: Record<string, string> = {}, status = 502) =>
  (await rejection(
    details(client(fakeFetch({ status, body, headers }).fetch, { maxRetries: 0 })),
  )) as APIError;

// Cloudflare's own 502 page, shortened: a conditional comment before <html>, styles and scripts in <head>.
const cloudflare502 = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>api.cloudflare.com | 502: Bad gateway</title>
<meta charset="UTF-8" />
<style>body{margin:0;padding:0}</style>
<script>(function(){if(document.addEventListener){}})();</script>
</head>
<body>
<div id="cf-wrapper"><header><h1><span class="inline-block">Bad gateway</span> <span class="code-label">Error code 502</span></h1></header></div>
</body></html>`;

describe("JSON bodies", () => {
  test.each<[string, unknown, string]>([
    [
      "RealtimeKit's envelope",
      { success: false, error: { code: 1, message: "Session expired" } },
      "Session expired",
    ],
    ["the gateway's envelope", { success: false, errors: [{ code: 1, message: "Bad token" }] }, "Bad token"],
    ["{ success: false, error: 'text' }", { success: false, error: "text" }, "text"],
    ["{ success: false, message: 'text' }", { success: false, message: "text" }, "text"],
    ["{ errors: ['text'] }", { errors: ["text"] }, "text"],
    [
      "a message that is an object",
      { success: false, error: { code: 1, message: { why: "x" } } },
      '{"why":"x"}',
    ],
    ["a message that is a number", { success: false, message: 42 }, "42"],
    [
      "a message over several lines",
      { success: false, message: "line one\n\tline two\r\n" },
      "line one line two",
    ],
    ["no message at all", { success: false }, "(no error message)"],
  ])("%s → %s", async (_label, body, message) => {
    expect((await fail(body)).message).toBe(`502 ${message}`);
  });

  test("a long message is cut to one line of 100 characters", async () => {
    const error = await fail({ success: false, message: "word ".repeat(100) });
    expect(error.message.length).toBeLessThanOrEqual(104);
    expect(error.message).not.toMatch(/\n/);
  });
});

describe("HTML pages", () => {
  test("Cloudflare's 502 page → its title, not a comment", async () => {
    expect((await fail(cloudflare502, { "content-type": "text/html" })).message).toBe(
      "502 api.cloudflare.com | 502: Bad gateway",
    );
  });

  test.each<[string, string, string]>([
    [
      "no title: the first heading",
      "<html><body><h1>Service <b>unavailable</b></h1><p>later</p></body></html>",
      "Service unavailable",
    ],
    [
      "entities decoded",
      "<title>Tom &amp; Jerry&#39;s &lt;API&gt; &#x263A;&nbsp;down</title>",
      "Tom & Jerry's <API> ☺ down",
    ],
    [
      "no title or heading: the text without scripts and styles",
      "<html><style>p{}</style><script>var a=1<2;</script><p>Just text</p></html>",
      "Just text",
    ],
    ["an empty title: the heading", "<title> </title><h2>Oops</h2>", "Oops"],
    ["an entity out of range stays as it is", "<title>&#x110000; x</title>", "&#x110000; x"],
  ])("%s", async (_label, page, message) => {
    expect((await fail(page, { "content-type": "text/html" })).message).toBe(`502 ${message}`);
  });

  test("text that is not HTML keeps its < and >", async () => {
    expect((await fail("if a < b then > c", { "content-type": "text/plain" })).message).toBe(
      "502 if a < b then > c",
    );
  });
});

describe("empty bodies", () => {
  test.each<Record<string, string>>([{}, { "content-length": "0" }])(
    "with headers %j → body undefined",
    async (headers) => {
      const error = await fail("", headers);
      expect(error.body).toBeUndefined();
      expect(error.message).toBe("502 (no error message)");
    },
  );

  test("a 200 with an empty body → body undefined", async () => {
    const error = await fail("", {}, 200);
    expect(error.status).toBe(200);
    expect(error.body).toBeUndefined();
  });
});
