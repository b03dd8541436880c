// An object URL for a thumbnail's bytes, made while the row is shown and revoked when it goes (or the bytes change).
import { useEffect, useState } from "react";
import type { Thumbnail } from "../../../library/types";

/** `blob:` URL of `thumbnail` (undefined when absent); revoked on unmount. Never HTML: only an `<img src>`. */
export function useObjectUrl(thumbnail: Thumbnail | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!thumbnail || typeof URL.createObjectURL !== "function") return undefined;
    const next = URL.createObjectURL(new Blob([thumbnail.bytes as BlobPart], { type: thumbnail.mimeType }));
    setUrl(next); // eslint-disable-line react-hooks/set-state-in-effect -- the URL is an external resource this effect makes and its cleanup revokes
    return () => {
      URL.revokeObjectURL(next);
      setUrl(undefined);
    };
  }, [thumbnail]);
  return url;
}
