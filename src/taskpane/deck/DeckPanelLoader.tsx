// The lazy chunk's root: builds the default deck services (account's library and run store) once, then the panel.
import { useMemo } from "react";
import type { AccountSession } from "../../core/TokenProvider";
import type { DeckHostAdditions } from "../../core/deck";
import type { DocumentHost } from "../../hosts/DocumentHost";
import type { ImageClient } from "../../imaging/ImageClient";
import DeckPanel from "./DeckPanel";
import { defaultDeckServices, type DeckServices } from "./deckServices";

export interface DeckPanelLoaderProps {
  host: DocumentHost & { deck: DeckHostAdditions };
  imageClient: ImageClient;
  session?: AccountSession;
  services?: DeckServices;
  onClose(): void;
}

/** {@link DeckPanel} with `services`, or the account's defaults. */
export default function DeckPanelLoader({ services, session, ...rest }: DeckPanelLoaderProps) {
  const resolved = useMemo(() => services ?? defaultDeckServices(session), [services, session]);
  return <DeckPanel {...rest} services={resolved} />;
}
