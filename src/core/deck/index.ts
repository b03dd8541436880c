// Public surface of the whole-deck rules (issue 8): import from "core/deck", not from the files inside.
export * from "./types";
export * from "./deckStyle";
export { nameColour, isHexColour, NAMED_COLOURS } from "./colourNames";
export * from "./promptWriter";
export { localPromptWriter, writeLocalBrief, MAX_LOCAL_BRIEF_CHARS } from "./localPromptWriter";
export * from "./selection";
export * from "./deckRun";
