// The PowerPoint-like slide view: a 960 × 540 pt slide drawn scaled to fit, with text boxes and pictures.
import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { pictureDataUrl } from "./pictureRules";
import { SHAPE_ID_ATTR, SHAPE_TEXT_ATTR } from "./slideDom";
import {
  removeShape,
  selectShape,
  setTextBoxText,
  SLIDE_SIZE_PT,
  type PictureShape,
  type SlideShape,
  type SlideState,
  type TextBoxShape,
} from "./slideModel";
import type { Store } from "./store";
import { useStrings } from "../taskpane/strings/useStrings";
import { SLIDE_WIDTH_PX, useSlideStyles } from "./useSlideStyles.styles";

/** Scale that draws the slide (960 pt = 1280 px) at the viewport's width. */
function useFitScale(viewport: React.RefObject<HTMLDivElement | null>): number {
  const [scale, setScale] = React.useState(0.5);
  React.useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return undefined;
    const measure = () => {
      const width = element.clientWidth;
      if (width > 0) setScale(width / SLIDE_WIDTH_PX);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [viewport]);
  return scale;
}

/** Props of {@link SlideView}. */
export interface SlideViewProps {
  store: Store<SlideState>;
  /** Receives the slide element (the host's selection sync reads the DOM selection inside it). */
  slideRef: React.RefObject<HTMLDivElement | null>;
  /** The slide's number in its deck and the deck's size, for the region's name. @default { number: 1, total: 1 } */
  position?: { number: number; total: number };
}

/** The slide: a labelled region; click or Tab to a shape to select it; text boxes are editable; Delete removes. */
export function SlideView({ store, slideRef, position = { number: 1, total: 1 } }: SlideViewProps): React.JSX.Element {
  const styles = useSlideStyles();
  const { t } = useStrings();
  const state = React.useSyncExternalStore(store.subscribe, store.get);
  const viewport = React.useRef<HTMLDivElement>(null);
  const scale = useFitScale(viewport);
  const select = (id: string | null) => store.update((s) => selectShape(s, id));

  const onShapeKeyDown = (event: React.KeyboardEvent, shape: SlideShape) => {
    if (shape.kind === "picture" && (event.key === "Delete" || event.key === "Backspace")) {
      event.preventDefault();
      store.update((s) => removeShape(s, shape.id));
    } else if (event.key === "Escape") {
      select(null);
    }
  };

  return (
    <div ref={viewport} className={styles.viewport} style={{ height: `${SLIDE_WIDTH_PX * scale * (SLIDE_SIZE_PT.heightPt / SLIDE_SIZE_PT.widthPt)}px` }}>
      <section
        ref={slideRef}
        className={styles.slide}
        style={{ transform: `scale(${scale})` }}
        aria-label={t("workbench.slideLabel", { number: position.number, total: position.total })}
        // A slide is laid out in left/top points in every UI language (as in PowerPoint): never mirrored.
        dir="ltr"
        data-slide-id={state.slideId}
        data-scale={scale.toFixed(4)}
        onMouseDown={(event) => {
          if (event.target === event.currentTarget) select(null);
        }}
      >
        {state.shapes.map((shape) => {
          const common = {
            [SHAPE_ID_ATTR]: shape.id,
            "data-shape-name": shape.name,
            "data-selected": shape.id === state.selectedShapeId ? "true" : undefined,
            tabIndex: 0,
            style: { left: `${shape.leftPt}pt`, top: `${shape.topPt}pt`, width: `${shape.widthPt}pt`, height: `${shape.heightPt}pt` },
            onMouseDown: () => select(shape.id),
            onFocus: () => select(shape.id),
            onKeyDown: (event: React.KeyboardEvent) => onShapeKeyDown(event, shape),
          };
          const selected = shape.id === state.selectedShapeId && styles.selected;
          return shape.kind === "textbox" ? (
            <div key={shape.id} {...common} role="group" aria-label={t("workbench.textBoxShape", { name: shape.name })} className={mergeClasses(styles.shape, styles.textBox, selected)}>
              <TextBoxText shape={shape} className={styles.text} onText={(text) => store.update((s) => setTextBoxText(s, shape.id, text))} />
            </div>
          ) : (
            <img
              key={shape.id}
              {...common}
              {...tagAttributes(shape)}
              className={mergeClasses(styles.shape, styles.picture, selected)}
              src={pictureDataUrl(shape.picture)}
              alt={shape.altText.description}
              title={shape.altText.title}
              data-alt-title={shape.altText.title}
              draggable={false}
            />
          );
        })}
      </section>
    </div>
  );
}

/** The picture's tags as `data-tag-<key>` attributes (`PROMPT_TAG` → `data-tag-illustrate_prompt`). */
function tagAttributes(shape: PictureShape): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(shape.tags)) attributes[`data-tag-${key.toLowerCase()}`] = value;
  return attributes;
}

interface TextBoxTextProps {
  shape: TextBoxShape;
  className: string;
  onText(text: string): void;
}

/** A text box's editable text; written to the DOM only when the model differs, so typing keeps the caret. */
function TextBoxText({ shape, className, onText }: TextBoxTextProps): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  const { t } = useStrings();
  React.useLayoutEffect(() => {
    const element = ref.current;
    if (element && element.textContent !== shape.text) element.textContent = shape.text;
  }, [shape.text]);
  return (
    <div
      ref={ref}
      className={className}
      style={{ fontSize: `${shape.fontSizePt}pt` }}
      contentEditable="plaintext-only"
      suppressContentEditableWarning
      spellCheck={false}
      data-placeholder={t("workbench.emptyTextBox")}
      dir="auto"
      {...{ [SHAPE_TEXT_ATTR]: shape.id }}
      onInput={(event) => onText(event.currentTarget.textContent ?? "")}
    />
  );
}
