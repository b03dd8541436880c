// An object URL for a thumbnail's bytes, made while the row is shown and revoked when it goes (or the bytes change).
import { useEffect, useState } from "react";
import type { Thumbnail } from "../../../library/types";

/** Whether two thumbnails hold the same picture (type and every byte). */
function sameThumbnail(a: Thumbnail | undefined, b: Thumbnail | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.mimeType !== b.mimeType || a.bytes.length !== b.bytes.length) return false;
  for (let i = 0; i < a.bytes.length; i += 1) if (a.bytes[i] !== b.bytes[i]) return false;
  return true;
}

/**
 * `blob:` URL of `thumbnail` (undefined when absent); revoked on unmount. Never HTML: only an `<img src>`. A new
 * object with the same bytes (every re-read of the library hands out new ones) keeps the URL, so the `<img>` is not
 * loaded again (the read-ahead first page is replaced by the watched one a moment after History opens).
 */
export function useObjectUrl(thumbnail: Thumbnail | undefined): string | undefined {
  const [stable, setStable] = useState(thumbnail);
  if (!sameThumbnail(thumbnail, stable)) setStable(thumbnail); // derived state: re-renders at once with the new bytes
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!stable || typeof URL.createObjectURL !== "function") return undefined;
    const next = URL.createObjectURL(new Blob([stable.bytes as BlobPart], { type: stable.mimeType }));
    setUrl(next); // eslint-disable-line react-hooks/set-state-in-effect -- the URL is an external resource this effect makes and its cleanup revokes
    return () => {
      URL.revokeObjectURL(next);
      setUrl(undefined);
    };
  }, [stable]);
  return url;
}
