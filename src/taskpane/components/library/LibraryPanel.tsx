// The picture library panel (loaded with React.lazy): search, "this document", a virtualized newest-first list, delete all.
import {
  Caption1,
  Checkbox,
  Link,
  SearchBox,
  Spinner,
  Toast,
  ToastFooter,
  Toaster,
  ToastTitle,
  useId,
  useToastController,
} from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PictureLibrary, PicturePage } from "../../../library/types";
import { whenIdle } from "../../whenIdle";
import type { Translate } from "../../strings/strings";
import { DeleteAllPicturesDialog } from "../DeleteAllPicturesDialog";
import { LibraryRowContent } from "./LibraryRow";
import { useLibraryPanel, type ToastContent } from "./useLibraryPanel";
import { ESTIMATED_ROW_PX, useLibraryPanelStyles } from "./useLibraryPanelStyles.styles";

/** Rows rendered beyond the visible ones (each side), so keyboard focus and fast scrolls stay smooth. */
const OVERSCAN = 6;
/** Rows beyond the visible ones in the first render: the first thumbnails show sooner; the rest come when idle. */
const FIRST_OVERSCAN = 1;

export interface LibraryPanelProps {
  t: Translate;
  library: PictureLibrary;
  documentId: string;
  inserting: boolean;
  insertAvailable: boolean;
  /** A picture is selected and the host can replace it. */
  replaceAvailable: boolean;
  onInsert(libraryId: string): void;
  onReplace(libraryId: string): void;
  onDeleted(libraryId: string): void;
  /** Delete all (after the dialog's confirmation). */
  onDeleteAll(): void;
  /** The first page read ahead (see `UseLibraryPanelArgs.initialPage`). */
  initialPage?: PicturePage;
}

/**
 * Every picture of the account's library, newest first. The list is virtualized with `@tanstack/react-virtual`
 * (headless: the rows stay Fluent components and `<li>`s; measured rows, so a two-line prompt is not cut), so 500+
 * pictures scroll smoothly. Thumbnails are `<img>` from object URLs (revoked when the row goes), never HTML.
 */
export default function LibraryPanel(props: LibraryPanelProps) {
  const { t, library } = props;
  const styles = useLibraryPanelStyles();
  const toasterId = useId("library-toaster");
  const baseId = useId("library");
  const { dispatchToast } = useToastController(toasterId);
  const notify = useCallback(
    (content: ToastContent, timeout: number) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{content.text}</ToastTitle>
          {content.action ? (
            <ToastFooter>
              <Link as="button" onClick={content.action.run}>
                {content.action.label}
              </Link>
            </ToastFooter>
          ) : null}
        </Toast>,
        { intent: content.intent, timeout, politeness: "polite" },
      ),
    [dispatchToast],
  );
  const panel = useLibraryPanel({
    library,
    documentId: props.documentId,
    t,
    notify,
    onDeleted: props.onDeleted,
    ...(props.initialPage ? { initialPage: props.initialPage } : {}),
  });
  const items = panel.page?.items ?? [];
  const total = panel.page?.total ?? 0;

  // The rows in view first; the overscan rows once the browser is idle after they are painted.
  const [overscan, setOverscan] = useState(FIRST_OVERSCAN);
  const hasRows = items.length > 0;
  useEffect(() => {
    if (!hasRows || overscan === OVERSCAN) return undefined;
    let live = true;
    whenIdle(() => live && setOverscan(OVERSCAN));
    return () => {
      live = false;
    };
  }, [hasRows, overscan]);

  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions the React Compiler cannot memoize; this project does not run the compiler
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastVisible = rows.at(-1)?.index ?? -1;
  const { onVisibleEnd } = panel;
  useEffect(() => onVisibleEnd(lastVisible), [lastVisible, onVisibleEnd]);

  return (
    <div className={styles.root}>
      <Toaster toasterId={toasterId} position="bottom" />
      <div className={styles.tools}>
        <SearchBox
          aria-label={t("library.search")}
          placeholder={t("library.search")}
          value={panel.search}
          input={{ dir: "auto" }}
          onChange={(_, data) => panel.setSearch(data.value)}
        />
        <Checkbox
          label={t("library.thisDocument")}
          checked={panel.thisDocument}
          onChange={(_, data) => panel.setThisDocument(data.checked === true)}
        />
      </div>
      {panel.page === undefined ? <Spinner size="tiny" label={t("library.loading")} /> : null}
      {panel.page && panel.page.skipped.length > 0 ? (
        <Caption1 className={styles.meta}>{t("library.skipped", { count: panel.page.skipped.length })}</Caption1>
      ) : null}
      {panel.page && total === 0 ? (
        <Caption1 className={styles.meta}>{panel.search || panel.thisDocument ? t("library.noMatch") : t("history.empty")}</Caption1>
      ) : null}
      {/* Mounted with its first rows (not hidden before): the virtualizer measures it then, in the same commit,
          instead of a frame later when a hidden box's ResizeObserver reports its size. */}
      {items.length > 0 ? (
        <div ref={scroller} className={`${styles.scroller} ${items.length < 4 ? styles.scrollerShort : ""}`}>
          <ul className={styles.list} aria-label={t("library.listLabel")} style={{ height: `${virtualizer.getTotalSize()}px` }}>
            {rows.map((row) => {
              const item = items[row.index];
              if (!item) return null;
              return (
                <li
                  key={row.key}
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  className={styles.row}
                  style={{ transform: `translateY(${row.start}px)` }}
                  aria-label={t("history.itemLabel", { index: row.index + 1, total })}
                  aria-setsize={total}
                  aria-posinset={row.index + 1}
                >
                  <LibraryRowContent
                    t={t}
                    item={item}
                    index={row.index}
                    total={total}
                    promptId={`${baseId}-${item.id}`}
                    inserting={props.inserting}
                    insertAvailable={props.insertAvailable}
                    replaceAvailable={props.replaceAvailable}
                    onInsert={() => props.onInsert(item.id)}
                    onReplace={() => props.onReplace(item.id)}
                    onPin={() => panel.setPinned(item)}
                    onCopy={() => void panel.copyPrompt(item)}
                    onDownload={() => void panel.download(item)}
                    onDelete={() => void panel.remove(item)}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {total > 0 ? (
        <div className={styles.footer}>
          <DeleteAllPicturesDialog t={t} triggerLabel={t("library.deleteAll")} onConfirm={props.onDeleteAll} />
        </div>
      ) : null}
    </div>
  );
}
