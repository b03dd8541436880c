// Test helper for the pane's library tests: type a prompt, Generate, answer with pictures, wait until they are shown.
import { act, screen, waitFor } from "@testing-library/react";
import type { GeneratedImage } from "../../../src/core/types";
import { fakeImage, MAI_BACKEND } from "./fakes";
import type { renderPane } from "./renderPane";

/** Types `prompt`, clicks Generate and answers with `images`; waits for the results (shown once they are saved). */
export async function generateInPane(p: ReturnType<typeof renderPane>, prompt: string, images: GeneratedImage[] = [fakeImage(1, 1, MAI_BACKEND)]) {
  const box = screen.getByRole("textbox", { name: "Prompt" });
  await p.user.clear(box);
  await p.user.type(box, prompt);
  const before = p.imageClient.calls.length;
  await p.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(p.imageClient.calls.length).toBe(before + 1));
  await act(async () => p.imageClient.last.resolve(images));
  // This run's results are shown (the alt text starts as their prompt) once they are saved.
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Alt text description" })).toHaveValue(prompt));
}
