// The pane's entry to the whole-deck flow: "Illustrate slides…" / "Illustrate sections…", opening the panel's lazy chunk.
import { Button, Caption1 } from "@fluentui/react-components";
import { SlideMultipleRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useState } from "react";
import type { AccountSession } from "../../core/TokenProvider";
import type { DocumentHost } from "../../hosts/DocumentHost";
import type { ImageClient } from "../../imaging/ImageClient";
import type { Translate } from "../strings/strings";
import type { DeckPromptWriter } from "../../imaging/deckPromptWriter";
import type { DeckServices } from "./deckServices";
import { LazyStatusSpinner } from "../lazyPanels";
import { withStrings } from "../strings/importStrings";

// Its own chunk: nothing of the deck flow (core/deck, Dexie runs) is in the first paint.
const DeckPanelLoader = lazy(withStrings(() => import(/* webpackChunkName: "deck" */ "./DeckPanelLoader")));

export interface DeckEntryProps {
  t: Translate;
  /** The application's name for capability reasons ("PowerPoint", "Word"). */
  appName: string;
  host: DocumentHost;
  imageClient: ImageClient;
  session?: AccountSession;
  /** Library, run store, clock and budget (tests); the account's IndexedDB stores when absent. */
  deckServices?: DeckServices;
  /** The pane's remote prompt writer (`PaneServices.promptWriter`); absent: the local writer only. */
  promptWriter?: DeckPromptWriter;
  disabled?: boolean;
}

/** One button, shown only where the host has `deck`; else the capability's reason. */
export function DeckEntry({ t, appName, host, imageClient, session, deckServices, promptWriter, disabled }: DeckEntryProps) {
  const [open, setOpen] = useState(false);
  const deck = host.deck;
  const slides = host.kind === "powerpoint" || host.kind === "workbench-slide";
  if (!deck) {
    const reason = host.capabilities.reasons.deck;
    return (
      <Caption1>{reason ? t("deck.unavailable", { reason: t(reason, { app: appName }) }) : t("deck.unavailableNoReason", { app: appName })}</Caption1>
    );
  }
  if (!open) {
    return (
      <div>
        <Button icon={<SlideMultipleRegular />} disabledFocusable={disabled ?? false} onClick={() => setOpen(true)}>
          {t(slides ? "deck.entrySlides" : "deck.entrySections")}
        </Button>
      </div>
    );
  }
  return (
    <Suspense fallback={<LazyStatusSpinner.Component size="small" label={t("deck.loading")} />}>
      <DeckPanelLoader
        host={host as DocumentHost & { deck: NonNullable<DocumentHost["deck"]> }}
        imageClient={imageClient}
        {...(session ? { session } : {})}
        {...(deckServices ? { services: deckServices } : {})}
        {...(promptWriter ? { promptWriter } : {})}
        onClose={() => setOpen(false)}
      />
    </Suspense>
  );
}
