// Shared Jest setup for unit tests: DOM matchers for component tests (no-op in the node environment).
import "@testing-library/jest-dom";
import { createStrings, paneStringsOf } from "../../src/taskpane/strings/strings";
import { setFallbackStrings } from "../../src/taskpane/strings/useStrings";

// Findings (findBy*, waitFor) wait up to 10 s, not 1 s: on a loaded CI machine a Fluent dialog or a lazy chunk can take
// longer than 1 s to become accessible, and a test must not fail for that (no-flaky-tests rule). Only with a DOM.
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the DOM library only where a DOM exists
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({ asyncUtilTimeout: 10_000 });
}

// Components rendered on their own (no mountPage) see i18next's English, as a page does once its strings are in.
setFallbackStrings(() => paneStringsOf(createStrings("en")));
