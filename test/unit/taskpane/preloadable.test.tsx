/** @jest-environment jsdom */
// preloadable: a lazy panel shows once its chunk arrives, shows at once when preloaded, and retries a failed load.
import { act, render, screen } from "@testing-library/react";
import { preloadable } from "../../../src/taskpane/preloadable";

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A load whose chunk arrives when the test says so. */
function controlledLoad() {
  let arrive!: () => void;
  let fail!: (error: Error) => void;
  const load = jest.fn(
    () =>
      new Promise<typeof Hello>((resolve, reject) => {
        arrive = () => resolve(Hello);
        fail = reject;
      }),
  );
  return { load, arrive: () => arrive(), fail: (error: Error) => fail(error) };
}

test("not preloaded: nothing until the chunk arrives, then the component with its props", async () => {
  const chunk = controlledLoad();
  const { Component } = preloadable(chunk.load);
  render(<Component name="Ada" />);
  expect(screen.queryByText("Hello Ada")).toBeNull();
  await act(async () => chunk.arrive());
  expect(screen.getByText("Hello Ada")).toBeInTheDocument();
  expect(chunk.load).toHaveBeenCalledTimes(1);
});

test("preloaded: the first render already shows the component (no fallback), and the chunk loads once", async () => {
  const chunk = controlledLoad();
  const panel = preloadable(chunk.load);
  const preloaded = panel.preload();
  chunk.arrive();
  await preloaded;
  render(<panel.Component name="Grace" />);
  expect(screen.getByText("Hello Grace")).toBeInTheDocument(); // synchronously, no act/await
  await panel.preload();
  expect(chunk.load).toHaveBeenCalledTimes(1);
});

test("a failed preload rejects, and the next use loads the chunk again", async () => {
  const chunk = controlledLoad();
  const panel = preloadable(chunk.load);
  const first = panel.preload();
  chunk.fail(new Error("chunk failed"));
  await expect(first).rejects.toThrow("chunk failed");
  const second = panel.preload();
  chunk.arrive();
  await second;
  render(<panel.Component name="Linus" />);
  expect(screen.getByText("Hello Linus")).toBeInTheDocument();
  expect(chunk.load).toHaveBeenCalledTimes(2);
});
