// The deck's slide list: numbered previews of every slide; click, Enter or the arrow keys put a slide in view.
import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { titleAndBody } from "../hosts/powerpoint/deckText";
import { selectSlide, type DeckState } from "./deckModel";
import { pictureDataUrl } from "./pictureRules";
import type { SlideState } from "./slideModel";
import type { Store } from "./store";
import { useStrings } from "../taskpane/strings/useStrings";
import { PREVIEW_SCALE, useSlideListStyles } from "./useSlideListStyles.styles";

/** Props of {@link SlideList}. */
export interface SlideListProps {
  store: Store<DeckState>;
}

/** A list of slide buttons (each named "Slide N: title"); the one in view has `aria-current`. */
export function SlideList({ store }: SlideListProps): React.JSX.Element {
  const styles = useSlideListStyles();
  const { t } = useStrings();
  const deck = React.useSyncExternalStore(store.subscribe, store.get);
  const buttons = React.useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === "ArrowDown" || event.key === "ArrowRight" ? 1 : event.key === "ArrowUp" || event.key === "ArrowLeft" ? -1 : 0;
    const target = event.key === "Home" ? 0 : event.key === "End" ? deck.slides.length - 1 : index + step;
    if ((step === 0 && event.key !== "Home" && event.key !== "End") || target < 0 || target >= deck.slides.length) return;
    event.preventDefault();
    store.update((d) => selectSlide(d, deck.slides[target].slideId));
    buttons.current[target]?.focus();
  };

  return (
    <ol className={styles.list} aria-label={t("workbench.slideList")}>
      {deck.slides.map((slide, index) => {
        const current = slide.slideId === deck.currentSlideId;
        const title = titleOf(slide);
        return (
          <li key={slide.slideId}>
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className={mergeClasses(styles.item, current && styles.selected)}
              aria-current={current ? "true" : undefined}
              aria-label={
                title ? t("workbench.slideButton", { number: index + 1, title }) : t("workbench.slideButtonUntitled", { number: index + 1 })
              }
              data-slide-button={slide.slideId}
              tabIndex={current ? 0 : -1}
              onClick={() => store.update((d) => selectSlide(d, slide.slideId))}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <span className={styles.number} aria-hidden="true">
                {index + 1}
              </span>
              <SlidePreview slide={slide} />
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function titleOf(slide: SlideState): string {
  return titleAndBody(slide.shapes.flatMap((s) => (s.kind === "textbox" ? [{ name: s.name, text: s.text }] : []))).title;
}

/** A small drawing of a slide: its text boxes and pictures at preview scale (decorative: the button has the name). */
function SlidePreview({ slide }: { slide: SlideState }): React.JSX.Element {
  const styles = useSlideListStyles();
  return (
    <span className={styles.preview} aria-hidden="true">
      <span className={styles.canvas} style={{ transform: `scale(${PREVIEW_SCALE})` }}>
        {slide.shapes.map((shape) => {
          const box = { left: `${shape.leftPt}pt`, top: `${shape.topPt}pt`, width: `${shape.widthPt}pt`, height: `${shape.heightPt}pt` };
          return shape.kind === "textbox" ? (
            <span key={shape.id} className={styles.shape} style={{ ...box, fontSize: `${shape.fontSizePt}pt` }}>
              {shape.text}
            </span>
          ) : (
            <img key={shape.id} className={styles.shape} style={{ ...box, padding: 0 }} src={pictureDataUrl(shape.picture)} alt="" />
          );
        })}
      </span>
    </span>
  );
}
