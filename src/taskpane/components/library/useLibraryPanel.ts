// State of the library panel: the watched page (search, this-document filter, growing limit), pin, copy, download, delete + undo.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { base64ToBytes } from "../../../imaging/base64";
import { DEFAULT_UNDO_WINDOW_MS } from "../../../library/LibraryBase";
import type { PicturePage, PictureLibrary, PictureSummary } from "../../../library/types";
import type { Translate } from "../../strings/strings";
import { downloadPicture } from "./download";
import { FIRST_PAGE } from "./firstPage";

export { FIRST_PAGE };
/** How many more rows each time the end comes near. */
export const PAGE_STEP = 120;
/** How long a plain notice toast stays. */
const NOTICE_MS = 4000;

export interface UseLibraryPanelArgs {
  library: PictureLibrary;
  documentId: string;
  t: Translate;
  /** Shows a toast for `timeoutMs` (the component renders it). */
  notify(content: ToastContent, timeoutMs: number): void;
  /** A picture was deleted here: the pane drops it from its results. */
  onDeleted(libraryId: string): void;
  /**
   * The first page (`list({ limit: FIRST_PAGE })`) read ahead, before History was opened: shown at once, until the
   * watched page (the same query, kept current) replaces it a moment later.
   */
  initialPage?: PicturePage;
}

/** The panel's state and actions. Everything reads through `library.watch`, so other panes' changes show too. */
export function useLibraryPanel({ library, documentId, t, notify, onDeleted, initialPage }: UseLibraryPanelArgs) {
  const [search, setSearch] = useState("");
  const [thisDocument, setThisDocument] = useState(false);
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [page, setPage] = useState<PicturePage | undefined>(initialPage);
  // A failure belongs to the query that failed: a new query (or library) starts unfailed.
  const [failedQuery, setFailedQuery] = useState<object>();
  const deferredSearch = useDeferredValue(search);

  const query = useMemo(
    () => ({ library, limit, ...(deferredSearch.trim() ? { search: deferredSearch } : {}), ...(thisDocument ? { documentId } : {}) }),
    [library, limit, deferredSearch, thisDocument, documentId],
  );
  const failed = failedQuery === query;
  useEffect(() => {
    const { library: watched, ...pageQuery } = query;
    return watched.watch(
      pageQuery,
      (next) => setPage(next),
      () => setFailedQuery(query),
    );
  }, [query]);

  const toast = useCallback(
    (text: string, intent: ToastContent["intent"] = "info", action?: ToastContent["action"]) =>
      // Undo is offered as long as the library keeps the deleted copy.
      notify({ text, intent, ...(action ? { action } : {}) }, action ? DEFAULT_UNDO_WINDOW_MS : NOTICE_MS),
    [notify],
  );

  /** Asks for more rows when the list shows a row within a screen of the last fetched one. */
  const onVisibleEnd = useCallback(
    (lastVisibleIndex: number) => {
      const fetched = page?.items.length ?? 0;
      if (page && fetched < page.total && lastVisibleIndex >= fetched - 20) setLimit((l) => Math.max(l, fetched + PAGE_STEP));
    },
    [page],
  );

  const remove = useCallback(
    async (item: PictureSummary) => {
      const deleted = await library.delete(item.id).catch(() => undefined);
      onDeleted(item.id);
      if (!deleted) return;
      toast(t("library.deleted", { prompt: item.prompt }), "info", {
        label: t("library.undo"),
        run: () =>
          void deleted.undo().then(
            (back) => toast(back ? t("library.undone") : t("library.undoTooLate"), back ? "success" : "error"),
            () => toast(t("library.undoTooLate"), "error"),
          ),
      });
    },
    [library, onDeleted, t, toast],
  );

  const copyPrompt = useCallback(
    async (item: PictureSummary) => {
      try {
        await navigator.clipboard.writeText(item.prompt);
        toast(t("library.copied"), "success");
      } catch {
        toast(t("library.copyFailed"), "error");
      }
    },
    [t, toast],
  );

  const download = useCallback(
    async (item: PictureSummary) => {
      const stored = await library.get(item.id).catch(() => undefined);
      if (!stored) {
        toast(t("library.damaged"), "error");
        return;
      }
      const bytes = base64ToBytes(stored.image.base64);
      downloadPicture(bytes, stored.mimeType, stored.prompt);
    },
    [library, t, toast],
  );

  const setPinned = useCallback((item: PictureSummary) => void library.setPinned(item.id, !item.pinned).catch(() => undefined), [library]);

  return {
    search,
    setSearch,
    thisDocument,
    setThisDocument,
    page,
    failed,
    onVisibleEnd,
    remove,
    copyPrompt,
    download,
    setPinned,
  };
}

/** What a toast says: text, and an action (Undo). */
export interface ToastContent {
  text: string;
  intent: "success" | "error" | "info";
  action?: { label: string; run(): void };
}
