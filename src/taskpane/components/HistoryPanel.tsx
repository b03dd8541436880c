// History (collapsed by default): pictures kept only in memory (not saved), then the account's library (lazy panel).
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, Spinner, Text } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { ImageAddRegular } from "@fluentui/react-icons/svg/image-add";
import { useEffect, useId, useRef, useState } from "react";
import type { PictureLibrary, PicturePage } from "../../library/types";
import type { History } from "../history";
import { imageSrc } from "../imageSrc";
import { preloadable } from "../preloadable";
import type { Translate } from "../strings/strings";
import { whenIdle } from "../whenIdle";
import { BackendLabel } from "./BackendLabel";
import { FIRST_PAGE } from "./library/firstPage";
import type { LibraryPanelProps } from "./library/LibraryPanel";
import { useResultsStyles } from "./useResultsStyles.styles";

/** Shown in place of the library panel while its chunk still loads (History opened before the preload ended). */
function LibraryPanelLoading({ t }: LibraryPanelProps) {
  return <Spinner size="tiny" label={t("library.loading")} />;
}

/**
 * The library panel is its own chunk (it and its virtualizer), fetched once the library is open and the page is
 * idle, so opening History renders it at once: no chunk fetch and no Suspense fallback, which React holds for at
 * least 300 ms before it reveals the content (bench/results/pane-library.json).
 */
const LibraryPanel = preloadable(
  () => import(/* webpackChunkName: "library-panel" */ "./library/LibraryPanel").then((m) => m.default),
  LibraryPanelLoading,
);

export interface HistoryPanelProps {
  t: Translate;
  /** Pictures kept only in this pane's memory (not saved in the library). */
  history: History;
  /** The number in the heading: library pictures plus `history`. */
  count: number;
  /** The account's library, once open. */
  library?: PictureLibrary;
  documentId: string;
  inserting: boolean;
  insertAvailable: boolean;
  /** A picture is selected and the host can replace it. */
  replaceAvailable: boolean;
  onInsertAgain(id: string): void;
  onDiscard(id: string): void;
  onLibraryInsert(libraryId: string): void;
  onLibraryReplace(libraryId: string): void;
  onLibraryDeleted(libraryId: string): void;
  onDeleteAll(): void;
}

/**
 * The history list. Each entry: thumbnail, prompt (as text), backend, whether it was inserted, and the buttons
 * "Insert again" (at the current selection) and "Discard", each described by the entry's prompt.
 */
export function HistoryPanel(props: HistoryPanelProps) {
  const { t, history, inserting, insertAvailable, onInsertAgain, onDiscard } = props;
  const styles = useResultsStyles();
  const baseId = useId();
  // After Discard the button is gone: focus returns to the History header, not to the page body.
  const headerButton = useRef<HTMLButtonElement>(null);
  const { library, count } = props;
  // Read ahead once the library is open and the page idle (again after each change of the count): the panel's chunk
  // and its first page, so opening History shows the first thumbnails in the click's own render.
  const [readAhead, setReadAhead] = useState<{ library: PictureLibrary; count: number; page: PicturePage }>();
  useEffect(() => {
    if (!library) return undefined;
    let live = true; // an unmounted pane (a test's teardown) imports and reads nothing
    whenIdle(() => {
      if (!live) return;
      LibraryPanel.preload().catch(() => undefined); // a failure is left to the lazy path (it retries)
      library.list({ limit: FIRST_PAGE }).then(
        (page) => live && setReadAhead({ library, count, page }),
        () => undefined, // the panel's own query reports it
      );
    });
    return () => {
      live = false;
    };
  }, [library, count]);
  // Only while nothing was added or deleted since (else the panel waits for its own, current, page).
  const initialPage = readAhead && readAhead.library === library && readAhead.count === count ? readAhead.page : undefined;
  return (
    <Accordion collapsible>
      <AccordionItem value="history">
        <AccordionHeader as="h2" button={{ ref: headerButton }}>
          {t("history.heading", { count: props.count })}
        </AccordionHeader>
        <AccordionPanel>
          {history.length === 0 && !props.library ? (
            <Caption1 className={styles.meta}>{t("history.empty")}</Caption1>
          ) : history.length > 0 ? (
            <ul className={styles.list}>
              {history.map((item, index) => {
                const src = imageSrc(item.image);
                const promptId = `${baseId}-${item.id}`;
                return (
                  <li
                    key={item.id}
                    className={styles.historyItem}
                    aria-label={t(props.library ? "library.unsavedItemLabel" : "history.itemLabel", { index: index + 1, total: history.length })}
                  >
                    {src ? <img className={styles.thumb} src={src} alt={t("history.thumbAlt", { prompt: item.prompt })} /> : <span />}
                    <div className={styles.historyText}>
                      <Text id={promptId} dir="auto">
                        {item.prompt}
                      </Text>
                      <BackendLabel backend={item.image.backend} t={t} className={item.image.backend.offline ? styles.offline : styles.meta} />
                      <Caption1 className={styles.meta}>{item.insertedCount > 0 ? t("history.inserted") : t("history.notInserted")}</Caption1>
                      {props.library ? <Caption1 className={styles.offline}>{t("library.unsaved")}</Caption1> : null}
                      <div>
                        <Button
                          size="small"
                          icon={<ImageAddRegular />}
                          aria-describedby={promptId}
                          disabledFocusable={inserting || !insertAvailable}
                          onClick={() => onInsertAgain(item.id)}
                        >
                          {t("history.insertAgain")}
                        </Button>{" "}
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-describedby={promptId}
                          onClick={() => {
                            onDiscard(item.id);
                            headerButton.current?.focus();
                          }}
                        >
                          {t("history.discard")}
                        </Button>
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {library ? (
            <LibraryPanel.Component
              t={t}
              library={library}
              documentId={props.documentId}
              inserting={inserting}
              insertAvailable={insertAvailable}
              replaceAvailable={props.replaceAvailable}
              onInsert={props.onLibraryInsert}
              onReplace={props.onLibraryReplace}
              onDeleted={(id) => {
                props.onLibraryDeleted(id);
                headerButton.current?.focus(); // the row and its buttons are gone
              }}
              onDeleteAll={props.onDeleteAll}
              {...(initialPage ? { initialPage } : {})}
            />
          ) : null}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
