// Every error the pane can meet maps to an existing English sentence that says what to do.
import { SignInRequiredError } from "../../../src/core/TokenProvider";
import { ApiError, ERROR_TYPES } from "../../../src/core/protocol/errors";
import { HostError, type HostErrorCode } from "../../../src/hosts/errors";
import { CancelledError, ConnectionError, InvalidRequestError, InvalidResponseError, TimeoutError } from "../../../src/imaging/errors";
import { powerPointCapabilities, readRequirementFlags, wordCapabilities } from "../../../src/hosts/office/requirementSets";
import { messageForError } from "../../../src/taskpane/errorMessages";
import { createStrings, hasString } from "../../../src/taskpane/strings/strings";

const t = createStrings("en").t;
const HOST_CODES: HostErrorCode[] = [
  "read_only",
  "no_slide",
  "unsupported",
  "insert_refused",
  "insert_not_verified",
  "picture_gone",
  "item_gone",
  "shape_lost",
  "timeout",
  "unknown",
];

function sentence(error: unknown, phase: Parameters<typeof messageForError>[1] = "generate") {
  const message = messageForError(error, phase, "PowerPoint");
  expect(hasString(message.key)).toBe(true);
  return { ...message, text: t(message.key, message.values) };
}

test.each(ERROR_TYPES)("ApiError of type %s has its own sentence", (type) => {
  const { text, key } = sentence(new ApiError(400, "some_code", type, "upstream text"));
  expect(key).toEqual(type === "content_filtered" || type === "rate_limited" ? expect.stringContaining(type) : `error.api.${type}`);
  expect(text).not.toContain("{{");
  expect(text).not.toContain("upstream text");
});

test("content filter names the categories; rate limit says how long to wait", () => {
  expect(sentence(new ApiError(400, "content_policy_violation", "content_filtered", "x", { categories: ["violence", "hate"] })).text).toBe(
    "The content filter blocked this prompt (violence, hate). Rephrase it and try again.",
  );
  expect(sentence(new ApiError(429, "rate_limited", "rate_limited", "x", { retryAfterMs: 12_300 })).text).toBe(
    "Too many pictures are being made right now. Wait 13 s, then select Generate again.",
  );
  expect(sentence(new ApiError(429, "rate_limited", "rate_limited", "x")).text).toMatch(/Wait a minute/);
});

test("unauthorized offers Sign in; the request id is kept for the administrator", () => {
  const message = sentence(new ApiError(401, "invalid_token", "unauthorized", "x", { requestId: "req-42" }));
  expect(message.action).toBe("signIn");
  expect(message.requestId).toBe("req-42");
});

test("an unknown API type from a newer gateway reads as a service error", () => {
  const odd = new ApiError(500, "x", "brand_new" as never, "x");
  expect(sentence(odd).key).toBe("error.api.internal");
});

test.each([
  [new ConnectionError("fetch failed"), "error", /Can't reach the image service/],
  [new TimeoutError(300_000), "error", /did not answer within 300 s/],
  [new CancelledError(), "info", /^Cancelled\. Your prompt is kept/],
  [new InvalidResponseError("not a PNG"), "error", /not a valid picture, so nothing was inserted/],
  [new InvalidRequestError("mask", "mask size"), "error", /could not be sent \(mask\)/],
  [new SignInRequiredError("interaction required"), "warning", /^Sign in to create pictures/],
  [new Error("boom"), "error", /^Something went wrong: boom\. Try again\.$/],
])("%p", (error, intent, text) => {
  const message = sentence(error);
  expect(message.intent).toBe(intent);
  expect(message.text).toMatch(text);
});

test.each(HOST_CODES)("HostError %s while inserting has a sentence", (code) => {
  const { text } = sentence(new HostError(code, "x"), "insert");
  expect(text.length).toBeGreaterThan(20);
  expect(text).not.toContain("{{");
});

test("a connection failure names the gateway when it is known", () => {
  const message = messageForError(new ConnectionError("Failed to fetch"), "generate", "Word", "https://gateway.contoso.com");
  expect(t(message.key, message.values)).toMatch(/^Can't reach the image service at https:\/\/gateway\.contoso\.com\. /);
});

test("host messages name the app", () => {
  expect(sentence(new HostError("timeout", "x"), "insert").text).toBe(
    "PowerPoint did not answer in time. Check the document, then select Insert again if the picture is missing.",
  );
});

test("a failure reading the selection or the picture is a warning with what to do", () => {
  expect(sentence(new HostError("unknown", "x"), "selection").text).toMatch(/Click in the document and select Use selection again/);
  expect(sentence(new Error("x"), "readPicture").text).toMatch(/Select it again, then select Edit selected picture/);
});

test("every capability reason the Office adapters can give has a sentence", () => {
  const reasons = new Set<string>();
  // Each set missing alone, and all missing: collects every reason key either adapter reports.
  const names = ["WordApi", "PowerPointApi", "ImageCoercion", "WordApiDesktop"];
  const versions = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.8", "1.10"];
  const cases = [() => false, ...names.flatMap((n) => versions.map((v) => (name: string, version?: string) => !(name === n && version === v)))];
  for (const isSetSupported of cases) {
    const flags = readRequirementFlags({ isSetSupported });
    for (const caps of [wordCapabilities(flags), powerPointCapabilities(flags)]) {
      for (const reason of Object.values(caps.reasons)) if (reason) reasons.add(reason);
    }
  }
  expect(reasons.size).toBeGreaterThan(3);
  for (const reason of reasons) expect([reason, hasString(reason)]).toEqual([reason, true]);
});
