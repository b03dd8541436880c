// Which alt texts the Word adapter wrote this session, by description, so Illustrate's own can be told from a person's.
import type { AltText } from "../../core/altText";

/** How many written alt texts are remembered by default for telling Illustrate's own from a person's. */
const MAX_REMEMBERED_PROMPTS = 200;

/**
 * A bounded memory: trimmed alt-text description → the prompt it was written for. An `InlinePicture` has no tags
 * (unlike a PowerPoint shape), so this is how the Word adapter judges whose alt text a picture has (issue #5): a
 * description it wrote this session is its own; anything else with text counts as a person's, never the other
 * way round. The oldest entries are dropped past `capacity`.
 */
export class AltTextMemory {
  private readonly promptsByDescription = new Map<string, string>();

  /** @param capacity how many alt texts to keep. @default MAX_REMEMBERED_PROMPTS */
  constructor(private readonly capacity = MAX_REMEMBERED_PROMPTS) {}

  /** Notes that `altText` was just written for `prompt` (the newest entry; the oldest goes past the capacity). */
  remember(altText: AltText, prompt: string): void {
    const key = altText.description.trim();
    this.promptsByDescription.delete(key);
    this.promptsByDescription.set(key, prompt);
    if (this.promptsByDescription.size > this.capacity) {
      this.promptsByDescription.delete(this.promptsByDescription.keys().next().value as string);
    }
  }

  /** The prompt `altText` was written for this session, or `undefined` when this memory did not write it. */
  promptFor(altText: AltText | undefined): string | undefined {
    return altText ? this.promptsByDescription.get(altText.description.trim()) : undefined;
  }
}
