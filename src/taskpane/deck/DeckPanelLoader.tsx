// The lazy chunk's root: builds the default deck services (account's library and run store) once, then the panel.
import { useMemo } from "react";
import type { AccountSession } from "../../core/TokenProvider";
import type { DeckHostAdditions } from "../../core/deck";
import type { DeckPromptWriter } from "../../imaging/deckPromptWriter";
import type { DocumentHost } from "../../hosts/DocumentHost";
import type { ImageClient } from "../../imaging/ImageClient";
import DeckPanel from "./DeckPanel";
import { defaultDeckServices, type DeckServices } from "./deckServices";

export interface DeckPanelLoaderProps {
  host: DocumentHost & { deck: DeckHostAdditions };
  imageClient: ImageClient;
  session?: AccountSession;
  services?: DeckServices;
  /** The pane's remote prompt writer (`PaneServices.promptWriter`), used unless `services` brings its own. */
  promptWriter?: DeckPromptWriter;
  onClose(): void;
}

/** {@link DeckPanel} with `services`, or the account's defaults. */
export default function DeckPanelLoader({ services, session, promptWriter, ...rest }: DeckPanelLoaderProps) {
  const resolved = useMemo(
    () =>
      services ? { ...services, ...(services.promptWriter || !promptWriter ? {} : { promptWriter }) } : defaultDeckServices(session, promptWriter),
    [services, session, promptWriter],
  );
  return <DeckPanel {...rest} services={resolved} />;
}
