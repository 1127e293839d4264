import { describe, expect, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RealtimeKitError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { client, details, fakeFetch, rejection, type Step } from "../fake-fetch.js";

// No retries here: retries have their own tests, and a retried status would only repeat the answer.
const fail = async (...script: Step[]) => {
  const { fetch } = fakeFetch(...script);
  return (await rejection(details(client(fetch, { maxRetries: 0 })))) as APIError;
};

const realtimekit = (code: number, message: string) => ({ success: false, error: { code, message } });
const gateway = (code: number, message: string) => ({
  success: false,
  errors: [{ code, message }],
  messages: [],
  result: null,
});

describe("status classes", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [422, UnprocessableEntityError, "UnprocessableEntityError"],
    [429, RateLimitError, "RateLimitError"],
    [500, InternalServerError, "InternalServerError"],
    [502, InternalServerError, "InternalServerError"],
    [503, InternalServerError, "InternalServerError"],
    [599, InternalServerError, "InternalServerError"],
  ] as const)("%i is a %o", async (status, Class, name) => {
    const error = await fail({ status, body: realtimekit(status, "Nope") });
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`${status} Nope`);
    expect(String(error)).toBe(`${name}: ${status} Nope`);
    expect(error.stack?.startsWith(`${name}: ${status} Nope`)).toBe(true);
  });

  it.each([402, 405, 408, 410, 418, 451])("%i is a plain APIError", async (status) => {
    const error = await fail({ status, body: realtimekit(status, "x") });
    expect(error.constructor).toBe(APIError);
    expect(error.name).toBe("APIError");
  });
});

describe("error envelopes", () => {
  it("normalises RealtimeKit's envelope", async () => {
    const body = realtimekit(404, "Participant not found");
    const error = await fail({ status: 404, body, headers: { "cf-ray": "8a1b2c3d4e5f-SJC" } });
    expect(error.errors).toEqual([{ code: 404, message: "Participant not found" }]);
    expect(error.body).toEqual(body);
    expect(error.message).toBe("404 Participant not found");
    expect(error.requestId).toBe("8a1b2c3d4e5f-SJC");
    expect(error.headers.get("content-type")).toBe("application/json");
  });

  it("normalises Cloudflare's v4 envelope", async () => {
    const body = {
      success: false,
      errors: [
        { code: 10000, message: "Authentication error" },
        { code: 10001, message: "Second" },
      ],
      messages: [],
      result: null,
    };
    const error = await fail({ status: 401, body });
    expect(error.errors).toEqual([
      { code: 10000, message: "Authentication error" },
      { code: 10001, message: "Second" },
    ]);
    expect(error.message).toBe("401 Authentication error");
    expect(error.requestId).toBeUndefined();
  });

  it.each([{}, { success: false }, [], null, 42, { errors: [null, 3] }])(
    "has no errors for a JSON body %j without an envelope",
    async (body) => {
      const error = await fail({ status: 400, body });
      expect(error.errors).toEqual([]);
      expect(error.message).toBe("400 (no error message)");
    },
  );

  it("has no errors and no body when the body is empty", async () => {
    const error = await fail({ status: 404 });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.errors).toEqual([]);
    expect(error.message).toBe("404 (no error message)");
  });
});

describe("bodies that are not JSON", () => {
  const page = `<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>cloudflare</center>\n${"<p>padding</p>\n".repeat(200)}</body>\n</html>`;

  it("keeps an HTML error page as the body and puts its title in the message", async () => {
    const error = await fail({ status: 502, body: page });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe(page);
    expect(error.errors).toEqual([]);
    expect(error.message).toBe("502 502 Bad Gateway");
    expect(error.message).not.toContain("<");
    expect(error.message.length).toBeLessThanOrEqual(104);
  });

  it("is an APIError, not a SyntaxError, on a 200 with invalid or truncated JSON", async () => {
    for (const body of ['{"success": true, "data": {', "<html>oops</html>"]) {
      const error = await fail({ status: 200, body });
      expect(error.constructor).toBe(APIError);
      expect(error.status).toBe(200);
      expect(error.body).toBe(body);
    }
  });

  it("is an APIError on a 200 with an empty body or a JSON body that is not an object", async () => {
    for (const step of [{ status: 200 }, { status: 200, body: "null" }, { status: 200, body: "12" }]) {
      const error = await fail(step);
      expect(error.constructor).toBe(APIError);
      expect(error.status).toBe(200);
    }
  });
});

describe("success: false on a 2xx", () => {
  it("is an APIError with the envelope's errors", async () => {
    const error = await fail({ status: 200, body: gateway(7003, "Could not route") });
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(200);
    expect(error.errors).toEqual([{ code: 7003, message: "Could not route" }]);
    expect(error.message).toBe("200 Could not route");
  });

  it("but success: null or missing is a result", async () => {
    const { fetch } = fakeFetch({ body: { data: null, success: null } }, { body: { data: null } });
    const rtk = client(fetch);
    await expect(details(rtk)).resolves.toEqual({ data: null, success: null });
    await expect(details(rtk)).resolves.toEqual({ data: null });
  });
});
