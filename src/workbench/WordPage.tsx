// The Word-like page view: a Letter page of editable paragraphs and inline pictures drawn from the page model.
import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import { placeCaret, textOffsetWithin } from "./domText";
import { pictureDataUrl } from "./pictureRules";
import type { Store } from "./store";
import { useStrings } from "../taskpane/strings/useStrings";
import { useWordPageStyles } from "./useWordPageStyles.styles";
import { BLOCK_ID_ATTR, BLOCK_KIND_ATTR } from "./wordPageDom";
import {
  joinWithPrevious,
  removeBlock,
  selectPicture,
  setParagraphText,
  splitParagraph,
  type ParagraphBlock,
  type PictureBlock,
  type WordPageState,
} from "./wordPageModel";

/** Where to put the caret after the next render (after Enter / Backspace changed the blocks). */
interface CaretRequest {
  blockId: string;
  offset: number;
}

/** Props of {@link WordPage}. */
export interface WordPageProps {
  store: Store<WordPageState>;
  /** Receives the page column element (the host's selection sync reads the DOM selection inside it). */
  columnRef: React.RefObject<HTMLDivElement | null>;
}

/** The page: one labelled region; paragraphs are editable, pictures are selectable by click or keyboard. */
export function WordPage({ store, columnRef }: WordPageProps): React.JSX.Element {
  const styles = useWordPageStyles();
  const { t } = useStrings();
  const state = React.useSyncExternalStore(store.subscribe, store.get);
  const caretRequest = React.useRef<CaretRequest | null>(null);
  const selectedPictureId = state.selection.kind === "picture" ? state.selection.blockId : undefined;

  React.useLayoutEffect(() => {
    const request = caretRequest.current;
    if (!request || !columnRef.current) return;
    caretRequest.current = null;
    const element = columnRef.current.querySelector<HTMLElement>(`[${BLOCK_ID_ATTR}="${request.blockId}"]`);
    if (element) placeCaret(element, request.offset);
  });

  const onParagraphKeyDown = (event: React.KeyboardEvent<HTMLParagraphElement>, block: ParagraphBlock) => {
    const selection = event.currentTarget.ownerDocument.getSelection();
    if (!selection || !selection.focusNode || event.nativeEvent.isComposing) return;
    const offset = textOffsetWithin(event.currentTarget, selection.focusNode, selection.focusOffset);
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      store.update((s) => setParagraphText(s, block.id, event.currentTarget.textContent ?? ""));
      store.update((s) => splitParagraph(s, block.id, offset));
      const next = store.get().selection;
      if (next.kind === "text") caretRequest.current = next.focus;
    } else if (event.key === "Backspace" && selection.isCollapsed && offset === 0) {
      event.preventDefault();
      store.update((s) => joinWithPrevious(s, block.id));
      const next = store.get().selection;
      if (next.kind === "text") caretRequest.current = next.focus;
    }
  };

  const onPictureKeyDown = (event: React.KeyboardEvent<HTMLImageElement>, block: PictureBlock) => {
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      store.update((s) => removeBlock(s, block.id));
    }
  };

  return (
    // The document's own direction, whatever the UI language (as in Word); each paragraph then follows its text.
    <section className={styles.page} aria-label={t("workbench.wordPageLabel")} dir="ltr">
      <div className={styles.column} ref={columnRef}>
        {state.blocks.map((block) =>
          block.kind === "paragraph" ? (
            <EditableParagraph
              key={block.id}
              block={block}
              className={mergeClasses(
                styles.paragraph,
                block.style === "title" && styles.title,
                block.style === "heading1" && styles.heading1,
                block.style === "heading2" && styles.heading2,
                block.style === "caption" && styles.caption,
              )}
              onText={(text) => store.update((s) => setParagraphText(s, block.id, text))}
              onKeyDown={(event) => onParagraphKeyDown(event, block)}
            />
          ) : (
            <p key={block.id} className={styles.pictureParagraph} {...{ [BLOCK_ID_ATTR]: block.id, [BLOCK_KIND_ATTR]: "picture" }}>
              <img
                className={mergeClasses(styles.picture, block.id === selectedPictureId && styles.pictureSelected)}
                src={pictureDataUrl(block.picture)}
                alt={block.altText.description}
                title={block.altText.title}
                data-alt-title={block.altText.title}
                data-prompt={block.prompt}
                data-library-id={block.provenance?.libraryId}
                data-selected={block.id === selectedPictureId ? "true" : undefined}
                style={{ width: `${block.sizePt.widthPt}pt`, height: `${block.sizePt.heightPt}pt` }}
                tabIndex={0}
                draggable={false}
                onMouseDown={() => store.update((s) => selectPicture(s, block.id))}
                onFocus={() => store.update((s) => selectPicture(s, block.id))}
                onKeyDown={(event) => onPictureKeyDown(event, block)}
              />
            </p>
          ),
        )}
      </div>
    </section>
  );
}

interface EditableParagraphProps {
  block: ParagraphBlock;
  className: string;
  onText(text: string): void;
  onKeyDown(event: React.KeyboardEvent<HTMLParagraphElement>): void;
}

/**
 * One editable paragraph. React renders it empty and the text is written to the DOM only when the model differs
 * from what is shown, so typing never resets the caret.
 */
function EditableParagraph({ block, className, onText, onKeyDown }: EditableParagraphProps): React.JSX.Element {
  const ref = React.useRef<HTMLParagraphElement>(null);
  React.useLayoutEffect(() => {
    const element = ref.current;
    if (element && element.textContent !== block.text) element.textContent = block.text;
  }, [block.text]);
  return (
    <p
      ref={ref}
      className={className}
      // Headings stay <p> elements (the page's paragraphs are all <p>) with the heading role, as screen readers expect.
      {...(block.style === "heading1" || block.style === "heading2" ? { role: "heading", "aria-level": block.style === "heading1" ? 1 : 2 } : {})}
      contentEditable="plaintext-only"
      suppressContentEditableWarning
      spellCheck={false}
      dir="auto"
      {...{ [BLOCK_ID_ATTR]: block.id, [BLOCK_KIND_ATTR]: "paragraph" }}
      onInput={(event) => onText(event.currentTarget.textContent ?? "")}
      onKeyDown={onKeyDown}
    />
  );
}
