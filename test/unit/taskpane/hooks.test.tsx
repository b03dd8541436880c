/** @jest-environment jsdom */
// The pane's side-effect hooks: persisted state and the elapsed-seconds timer, each with cleanup.
import { act, renderHook } from "@testing-library/react";
import { useElapsedSeconds } from "../../../src/taskpane/hooks/useElapsedSeconds";
import { usePersistentState } from "../../../src/taskpane/hooks/usePersistentState";

const isString = (v: unknown): v is string => typeof v === "string";

describe("usePersistentState", () => {
  beforeEach(() => localStorage.clear());

  test("reads the stored value, writes changes back", () => {
    localStorage.setItem("k", JSON.stringify("stored"));
    const { result } = renderHook(() => usePersistentState("k", "initial", isString));
    expect(result.current[0]).toBe("stored");
    act(() => result.current[1]("changed"));
    expect(JSON.parse(localStorage.getItem("k") ?? "null")).toBe("changed");
  });

  test("corrupt or invalid stored data falls back to the initial value", () => {
    localStorage.setItem("k", "{not json");
    expect(renderHook(() => usePersistentState("k", "initial", isString)).result.current[0]).toBe("initial");
    localStorage.setItem("k", JSON.stringify(42));
    expect(renderHook(() => usePersistentState("k", "initial", isString)).result.current[0]).toBe("initial");
  });

  test("follows writes from another window and stops listening when unmounted", () => {
    const add = jest.spyOn(window, "addEventListener");
    const remove = jest.spyOn(window, "removeEventListener");
    const { result, unmount } = renderHook(() => usePersistentState("k", "initial", isString));
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: "k", newValue: JSON.stringify("from elsewhere") }));
    });
    expect(result.current[0]).toBe("from elsewhere");
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: "k", newValue: "{bad" }));
    });
    expect(result.current[0]).toBe("from elsewhere");
    const listener = add.mock.calls.find(([type]) => type === "storage")?.[1];
    unmount();
    expect(remove).toHaveBeenCalledWith("storage", listener);
  });

  test("a storage that throws (blocked, quota) still keeps the state in memory", () => {
    const setItem = jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    const { result } = renderHook(() => usePersistentState("k", "initial", isString));
    act(() => result.current[1]("kept"));
    expect(result.current[0]).toBe("kept");
    setItem.mockRestore();
  });
});

describe("useElapsedSeconds", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("counts whole seconds while running, resets when stopped, clears its interval", () => {
    const { result, rerender, unmount } = renderHook(({ running }) => useElapsedSeconds(running), { initialProps: { running: true } });
    expect(result.current).toBe(0);
    act(() => jest.advanceTimersByTime(3500));
    expect(result.current).toBe(3);
    rerender({ running: false });
    expect(result.current).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    rerender({ running: true });
    expect(jest.getTimerCount()).toBe(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
