// Maps the browser's selection inside the slide's DOM (text being edited in a text box) to the slide model.
import { textOffsetWithin } from "./domText";
import { selectShape, selectTextRange, type SlideState } from "./slideModel";

/** Attribute on every shape element of the slide: its model id. */
export const SHAPE_ID_ATTR = "data-shape-id";
/** Attribute on a text box's editable text element. */
export const SHAPE_TEXT_ATTR = "data-shape-text";

/**
 * The slide state after the DOM selection moved inside the slide `root`: characters selected in one text box
 * select that box and the range; a selection elsewhere on a shape selects the shape; anything else is ignored.
 */
export function slideStateWithDomSelection(state: SlideState, selection: Selection, root: HTMLElement): SlideState {
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode) return state;
  const elementOf = (node: Node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement);
  const anchorText = elementOf(anchorNode)?.closest<HTMLElement>(`[${SHAPE_TEXT_ATTR}]`);
  const focusText = elementOf(focusNode)?.closest<HTMLElement>(`[${SHAPE_TEXT_ATTR}]`);
  if (anchorText && anchorText === focusText && root.contains(anchorText)) {
    const shapeId = anchorText.getAttribute(SHAPE_TEXT_ATTR)!;
    const start = textOffsetWithin(anchorText, anchorNode, selection.anchorOffset);
    const end = textOffsetWithin(anchorText, focusNode, selection.focusOffset);
    return selectTextRange(state, shapeId, start, end);
  }
  const shape = elementOf(anchorNode)?.closest<HTMLElement>(`[${SHAPE_ID_ATTR}]`);
  return shape && root.contains(shape) ? selectShape(state, shape.getAttribute(SHAPE_ID_ATTR)) : state;
}
