// The Word page model: selection text, where a picture goes, and the edits Enter/Backspace/Delete make.
import {
  createWordPage,
  deleteText,
  inlinePictureSize,
  insertionBlockId,
  insertPictureAfter,
  joinWithPrevious,
  removeBlock,
  selectedText,
  selectPicture,
  selectText,
  setParagraphText,
  splitParagraph,
  type PictureContent,
  type WordPageState,
} from "../../../src/workbench/wordPageModel";

const page = (): WordPageState =>
  createWordPage([{ text: "Title", style: "title" }, { text: "First paragraph" }, { text: "A misty mountain lake at dawn" }, { text: "Last" }]);
const content: PictureContent = {
  picture: { base64: "AAAA", mimeType: "image/png", size: { widthPx: 1024, heightPx: 1024 } },
  sizePt: { widthPt: 468, heightPt: 468 },
  altText: { title: "AI-generated image", description: "lake" },
  prompt: "lake",
};
const ids = (state: WordPageState) => state.blocks.map((b) => (b.kind === "paragraph" ? b.text : `[picture ${b.id}]`));

describe("selection", () => {
  it("returns the selected characters of one paragraph", () => {
    const state = selectText(page(), { blockId: "p3", offset: 2 }, { blockId: "p3", offset: 7 });
    expect(selectedText(state)).toBe("misty");
  });

  it("joins paragraphs with \\r as Word's Range.text does, whichever way the selection was made", () => {
    const state = selectText(page(), { blockId: "p3", offset: 2 }, { blockId: "p2", offset: 6 });
    expect(selectedText(state)).toBe("paragraph\rA ");
  });

  it("clamps offsets to the paragraph and ignores unknown paragraphs", () => {
    const state = selectText(page(), { blockId: "p4", offset: 0 }, { blockId: "p4", offset: 99 });
    expect(selectedText(state)).toBe("Last");
    expect(selectText(state, { blockId: "nope", offset: 0 }, { blockId: "p4", offset: 1 })).toBe(state);
  });

  it("has no text for a caret, a selected picture or no selection", () => {
    expect(selectedText(page())).toBe("");
    expect(selectedText(selectText(page(), { blockId: "p2", offset: 3 }, { blockId: "p2", offset: 3 }))).toBe("");
    const withPicture = insertPictureAfter(page(), "p2", content);
    expect(selectedText(selectPicture(withPicture.state, withPicture.pictureId))).toBe("");
  });
});

describe("insertionBlockId", () => {
  it("is the paragraph where the selection ends", () => {
    expect(insertionBlockId(selectText(page(), { blockId: "p2", offset: 0 }, { blockId: "p3", offset: 4 }))).toBe("p3");
  });

  it("is the selected paragraph when a triple-click also took the paragraph mark (end at offset 0 of the next)", () => {
    expect(insertionBlockId(selectText(page(), { blockId: "p3", offset: 0 }, { blockId: "p4", offset: 0 }))).toBe("p3");
  });

  it("is the selected picture, or the last block when nothing is selected", () => {
    const { state, pictureId } = insertPictureAfter(page(), "p2", content);
    expect(insertionBlockId(selectPicture(state, pictureId))).toBe(pictureId);
    expect(insertionBlockId(page())).toBe("p4");
  });
});

describe("pictures", () => {
  it("inserts a picture (and an optional caption) right after the block, leaving the selection as it was", () => {
    const selected = selectText(page(), { blockId: "p3", offset: 0 }, { blockId: "p3", offset: 29 });
    const { state, pictureId } = insertPictureAfter(selected, "p3", content, "lake");
    expect(ids(state)).toEqual(["Title", "First paragraph", "A misty mountain lake at dawn", `[picture ${pictureId}]`, "lake", "Last"]);
    expect(state.blocks[4]).toMatchObject({ kind: "paragraph", style: "caption" });
    expect(state.selection).toBe(selected.selection);
    expect(() => insertPictureAfter(page(), "gone", content)).toThrow("No block gone");
  });

  it("sizes inline pictures as the Word adapter: column width 468 pt, height from the aspect, capped at 648 pt", () => {
    expect(inlinePictureSize({ widthPx: 1024, heightPx: 1024 })).toEqual({ widthPt: 468, heightPt: 468 });
    expect(inlinePictureSize({ widthPx: 1536, heightPx: 1024 })).toEqual({ widthPt: 468, heightPt: 312 });
    expect(inlinePictureSize({ widthPx: 1024, heightPx: 1536 })).toEqual({ widthPt: 432, heightPt: 648 });
  });

  it("removes a picture and keeps at least one paragraph", () => {
    const { state, pictureId } = insertPictureAfter(createWordPage([]), "p1", content);
    const removed = removeBlock(removeBlock(state, pictureId), "p1");
    expect(removed.blocks).toHaveLength(1);
    expect(removed.blocks[0]).toMatchObject({ kind: "paragraph", text: "" });
  });
});

describe("editing", () => {
  it("deletes a selection across paragraphs (and pictures between) and leaves the caret at the cut", () => {
    const { state } = insertPictureAfter(page(), "p2", content);
    const cut = deleteText(state, { blockId: "p2", offset: 5 }, { blockId: "p3", offset: 7 });
    expect(ids(cut.state)).toEqual(["Title", "First mountain lake at dawn", "Last"]);
    expect(cut.blockId).toBe("p2");
    expect(cut.state.selection).toEqual({ kind: "text", anchor: { blockId: "p2", offset: 5 }, focus: { blockId: "p2", offset: 5 } });
  });

  it("splits a paragraph on Enter (a Title continues as Normal) and joins it back on Backspace", () => {
    const split = splitParagraph(page(), "p1", 3);
    expect(ids(split)).toEqual(["Tit", "le", "First paragraph", "A misty mountain lake at dawn", "Last"]);
    expect(split.blocks[1]).toMatchObject({ style: "normal" });
    const joined = joinWithPrevious(split, split.blocks[1].id);
    expect(ids(joined)).toEqual(ids(page()));
    expect(joined.selection).toEqual({ kind: "text", anchor: { blockId: "p1", offset: 3 }, focus: { blockId: "p1", offset: 3 } });
  });

  it("Backspace after a picture removes the picture", () => {
    const { state } = insertPictureAfter(page(), "p2", content);
    expect(ids(joinWithPrevious(state, "p3"))).toEqual(ids(page()));
  });

  it("typing keeps the selection inside the new text", () => {
    const state = selectText(page(), { blockId: "p4", offset: 0 }, { blockId: "p4", offset: 4 });
    const typed = setParagraphText(state, "p4", "L");
    expect(selectedText(typed)).toBe("L");
  });
});
