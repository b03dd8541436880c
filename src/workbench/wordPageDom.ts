// Maps the browser's selection in the Word page's DOM to the page model's selection (paragraph + offset, picture).
import { textOffsetWithin } from "./domText";
import type { PageSelection, TextPoint } from "./wordPageModel";

/** Attribute on every block element of the page: its model id. */
export const BLOCK_ID_ATTR = "data-block-id";
/** Attribute on every block element: `paragraph` or `picture`. */
export const BLOCK_KIND_ATTR = "data-block-kind";

interface DomPoint extends TextPoint {
  kind: "paragraph" | "picture";
}

function blockElementOf(root: HTMLElement, node: Node): HTMLElement | undefined {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest<HTMLElement>(`[${BLOCK_ID_ATTR}]`);
  return block && root.contains(block) ? block : undefined;
}

function domPointOf(root: HTMLElement, node: Node, offset: number): DomPoint | undefined {
  let block = blockElementOf(root, node);
  let atEnd = false;
  if (!block) {
    // A position between blocks (in the column element): the block after it at offset 0, or the end of the last one.
    const child = node.childNodes[offset] ?? node.childNodes[node.childNodes.length - 1];
    if (!child) return undefined;
    atEnd = node.childNodes[offset] === undefined;
    block =
      child.nodeType === Node.ELEMENT_NODE && (child as Element).hasAttribute(BLOCK_ID_ATTR) ? (child as HTMLElement) : blockElementOf(root, child);
    if (!block) return undefined;
  }
  const blockId = block.getAttribute(BLOCK_ID_ATTR)!;
  const kind = block.getAttribute(BLOCK_KIND_ATTR) === "picture" ? "picture" : "paragraph";
  if (kind === "picture") return { blockId, kind, offset: 0 };
  const inside = block.contains(node);
  const charOffset = inside ? textOffsetWithin(block, node, offset) : atEnd ? (block.textContent ?? "").length : 0;
  return { blockId, kind, offset: charOffset };
}

/**
 * The model selection for a DOM selection inside `root` (the page column): a picture when both ends are in the
 * same picture, text otherwise; undefined when an end is in a picture but the other is not (a mixed selection the
 * stand-in does not model) or is outside the page's blocks.
 */
export function pageSelectionFromDom(selection: Selection, root: HTMLElement): PageSelection | undefined {
  if (!selection.anchorNode || !selection.focusNode) return undefined;
  const anchor = domPointOf(root, selection.anchorNode, selection.anchorOffset);
  const focus = domPointOf(root, selection.focusNode, selection.focusOffset);
  if (!anchor || !focus) return undefined;
  if (anchor.kind === "picture" || focus.kind === "picture") {
    return anchor.kind === "picture" && focus.kind === "picture" && anchor.blockId === focus.blockId
      ? { kind: "picture", blockId: anchor.blockId }
      : undefined;
  }
  return { kind: "text", anchor: { blockId: anchor.blockId, offset: anchor.offset }, focus: { blockId: focus.blockId, offset: focus.offset } };
}
