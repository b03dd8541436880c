// The box Fit shapes a picture for: the selected picture (Replace), else where the host would put a new one.
import { useEffect, useState } from "react";
import type { FitBox } from "../../core/placement";
import type { DocumentHost, SelectedPicture, SlidePlacement } from "../../hosts/DocumentHost";

/**
 * The Fit box now: the selected picture's box (`source: "picture"`, the Replace target), else
 * `host.fitBox` (the empty placeholder, the free area or the full slide as `slidePlacement` would place it; the Word
 * text column). `undefined` when the host cannot tell or reading fails (Fit then falls back to 1:1): never throws.
 */
export async function readFitBox(
  host: DocumentHost,
  picture: SelectedPicture | undefined,
  slidePlacement: SlidePlacement,
): Promise<FitBox | undefined> {
  if (picture) return { sizePt: picture.sizePt, source: "picture" };
  try {
    return (await host.fitBox?.({ slidePlacement })) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * {@link readFitBox}, re-read whenever the selection (`selectionKey`: any value that changes with it) or the
 * slide placement changes; for the pane's Fit hint and clamp notice (Generate reads it again itself).
 */
export function useFitBox(
  host: DocumentHost,
  picture: SelectedPicture | undefined,
  selectionKey: unknown,
  slidePlacement: SlidePlacement,
): FitBox | undefined {
  const [box, setBox] = useState<FitBox>();
  useEffect(() => {
    let live = true;
    void readFitBox(host, picture, slidePlacement).then((next) => {
      if (live) setBox(next);
    });
    return () => {
      live = false;
    };
  }, [host, picture?.id, picture?.sizePt.widthPt, picture?.sizePt.heightPt, selectionKey, slidePlacement]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed on the picture's box, not the object
  return box;
}
