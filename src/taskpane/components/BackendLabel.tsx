// Says which backend made a picture; the offline renderer says plainly that it is not an AI model.
import { Caption1 } from "@fluentui/react-components";
import type { BackendInfo } from "../../core/types";
import type { Translate } from "../strings/strings";

export interface BackendLabelProps {
  backend: BackendInfo;
  t: Translate;
  className?: string;
}

/** "Offline renderer (not an AI model)" or "Made by <model> (<provider>)", as text. */
export function BackendLabel({ backend, t, className }: BackendLabelProps) {
  const text = backend.offline ? t("backend.offline") : t("backend.model", { model: backend.model, provider: backend.provider });
  return <Caption1 className={className}>{text}</Caption1>;
}
