// Puts a chosen picture into the document (insert, or replace the picture selected at Generate) and reports the outcome.
import { useCallback, useRef, useState } from "react";
import { altTextFor, type AltText } from "../../core/altText";
import { API_SIZE } from "../../core/sizes";
import type { DocumentHost, InsertOptions, InsertResult, PictureProvenance, SelectedPicture } from "../../hosts/DocumentHost";
import { isOverPictureLimit } from "../../imaging/pictureLimits";
import { messageForError, type PaneMessage } from "../errorMessages";
import type { HistoryItem } from "../history";
import type { Batch, InsertMode } from "../TaskPane.types";

/** The insert-time picture checks (./documentPicture: prepareForDocument), loaded after first paint; see {@link preloadInsert}. */
const loadDocumentPicture = () => import(/* webpackChunkName: "prepare-for-document" */ "./documentPicture");

/** Fetches the insert-time code now, so the first Insert does not wait on it. */
export function preloadInsert(): Promise<void> {
  return loadDocumentPicture().then(() => undefined);
}

/**
 * Starts making `item`'s picture ready for the document (decode, any transcode) while the person looks at it, so
 * Insert finds it done (see `documentPicture`). Only for a picture over the document limit: one under it goes as is.
 * Nothing is reported here: a failure shows at Insert, which retries.
 */
export function prepareInsertAhead(item: HistoryItem): void {
  if (!isOverPictureLimit(item.image.base64)) return;
  loadDocumentPicture().then(
    ({ prepareAhead }) => prepareAhead(item.image),
    () => undefined,
  );
}

/**
 * What Insert will do for `batch` on `host`: replace the picture that was selected at Generate when the host
 * can, else insert after the selection.
 */
export function insertModeFor(host: DocumentHost, batch: Pick<Batch, "picture"> | undefined): InsertMode {
  return batch?.picture && host.capabilities.features.replacePicture ? "replace" : "insert";
}

/**
 * Alt text a person wrote on the picture a Replace will go over, which the replace keeps unless they ask (issue
 * #5); `undefined` when not replacing, when the picture has none, or when it is Illustrate's own
 * (`SelectedPicture.altTextIsGenerated`; a host that cannot tell counts it as a person's).
 */
export function personAltTextFor(mode: InsertMode, batch: Pick<Batch, "picture"> | undefined): AltText | undefined {
  const picture = batch?.picture;
  if (mode !== "replace" || !picture?.altText || picture.altTextIsGenerated === true) return undefined;
  return picture.altText;
}

/**
 * How the picture was made, written into the document with it (PowerPoint tags; Word content control + custom XML
 * part) so a later session can regenerate it. Only for a picture saved in the library: the id must lead somewhere.
 */
export function provenanceOf(item: HistoryItem): PictureProvenance | undefined {
  if (!item.libraryId) return undefined;
  return { libraryId: item.libraryId, prompt: item.prompt, style: item.style, model: item.image.backend.model, size: API_SIZE[item.aspect] };
}

export interface InsertRequest {
  item: HistoryItem;
  /** Alt-text description (the title is fixed: "AI-generated image", localized). */
  description: string;
  altTitle: string;
  /** Batch whose target/picture to use; none for "Insert again" from history (current selection). */
  batch?: Batch;
  /** Placement fields for an insert (Word placement and caption, or slide placement); ignored by Replace. */
  placement?: Pick<InsertOptions, "wordPlacement" | "caption" | "slidePlacement">;
  /** Replace only: write this alt text over alt text a person wrote on the old picture (they ticked the box). */
  overwriteAltText?: boolean;
  /** Replace this picture (the one selected now) instead of the batch's: "Replace the selected picture" from the library. */
  replaceTarget?: SelectedPicture;
}

/** Insert state and action. `onInserted` marks the item in the history (and the library). */
export function useInsert(
  host: DocumentHost,
  app: string,
  setMessage: (message: PaneMessage | undefined) => void,
  onInserted: (item: HistoryItem) => void,
) {
  const [inserting, setInserting] = useState(false);
  const busy = useRef(false);

  const insert = useCallback(
    async ({ item, description, altTitle, batch, placement, overwriteAltText, replaceTarget }: InsertRequest): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      setInserting(true);
      setMessage(undefined);
      const options: InsertOptions = {
        altText: altTextFor(description.trim() || item.prompt, altTitle),
        prompt: item.prompt,
        ...(batch?.target ? { target: batch.target } : {}),
      };
      const provenance = provenanceOf(item);
      if (provenance) options.provenance = provenance;
      const replacing = replaceTarget ?? (insertModeFor(host, batch) === "replace" ? batch?.picture : undefined);
      const mode = replacing && host.capabilities.features.replacePicture ? "replace" : "insert";
      try {
        let result: InsertResult;
        // Its own chunk (byte checks, transcode), preloaded after first paint with the results panel.
        // Only the bytes go to the document, over 4 MiB transcoded; usually already done by prepareInsertAhead.
        const { documentPicture } = await loadDocumentPicture();
        const picture = await documentPicture(item.image);
        if (mode === "replace" && replacing) {
          result = await host.replacePicture(replacing, picture, { ...options, ...(overwriteAltText ? { overwriteAltText } : {}) });
        } else {
          result = await host.insertPicture(picture, { ...options, ...placement });
        }
        onInserted(item);
        setMessage(
          result.usedFallbackLocation
            ? { intent: "warning", key: "insert.fallback" }
            : { intent: "success", key: mode === "replace" ? "insert.replaced" : "insert.done" },
        );
        return true;
      } catch (error) {
        // The picture stays in the results and the history: the person can insert it again.
        setMessage(messageForError(error, "insert", app));
        return false;
      } finally {
        busy.current = false;
        setInserting(false);
      }
    },
    [host, app, setMessage, onInserted],
  );

  return { inserting, insert };
}
