// DOM helpers for the stand-ins' editable text: character offsets of selection points, caret placement.

/**
 * Number of characters of `container`'s text before the DOM point (`node`, `offset`); the point must be inside
 * `container` (or be `container` itself, where `offset` counts child nodes).
 */
export function textOffsetWithin(container: Node, node: Node, offset: number): number {
  const range = container.ownerDocument!.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Puts the caret at character `offset` of `element`'s text (clamped to its length) and focuses it. */
export function placeCaret(element: HTMLElement, offset: number): void {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let remaining = Math.max(0, offset);
  let node = walker.nextNode();
  const range = doc.createRange();
  range.setStart(element, element.childNodes.length);
  while (node) {
    const length = (node as Text).data.length;
    if (remaining <= length) {
      range.setStart(node, remaining);
      break;
    }
    remaining -= length;
    node = walker.nextNode();
  }
  range.collapse(true);
  element.focus();
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** A key that tells whether the document's selection moved since last time (same key: same selection). */
function selectionKey(selection: Selection | null): string {
  if (!selection || selection.rangeCount === 0) return "";
  return [selection.anchorNode, selection.anchorOffset, selection.focusNode, selection.focusOffset]
    .map((part) => (typeof part === "number" ? part : nodeIdentity(part)))
    .join("|");
}

const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 1;

function nodeIdentity(node: Node | null): number {
  if (!node) return 0;
  let id = nodeIds.get(node);
  if (id === undefined) {
    id = nextNodeId++;
    nodeIds.set(node, id);
  }
  return id;
}

/**
 * Makes a function that copies the document's selection into a model when it lies inside `root()` and has moved
 * since the last copy (so a selection made some other way, e.g. clicking a picture, is not overwritten by a stale
 * DOM selection). `apply` maps the selection into the model.
 */
export function createSelectionSync(root: () => HTMLElement | null, apply: (selection: Selection, root: HTMLElement) => void): () => void {
  let last = "";
  return () => {
    const element = root();
    const selection = element?.ownerDocument.getSelection() ?? null;
    if (!element || !selection || selection.rangeCount === 0) return;
    if (!selection.anchorNode || !selection.focusNode) return;
    if (!element.contains(selection.anchorNode) || !element.contains(selection.focusNode)) return;
    const key = selectionKey(selection);
    if (key === last) return;
    last = key;
    apply(selection, element);
  };
}
