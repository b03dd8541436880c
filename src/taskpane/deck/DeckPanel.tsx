// The deck panel (its own chunk, loaded on "Illustrate slides…"): thin view over useDeckPanel.
import { Button, Caption1, Spinner, Subtitle2 } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { DeckHostAdditions } from "../../core/deck";
import type { DocumentHost } from "../../hosts/DocumentHost";
import type { ImageClient } from "../../imaging/ImageClient";
import { PaneMessageBar } from "../components/PaneMessageBar";
import { useStrings } from "../strings/useStrings";
import { DeckChooser } from "./DeckChooser";
import { useDeckPanelStyles } from "./DeckPanel.styles";
import { DeckReview } from "./DeckReview";
import type { DeckServices } from "./deckServices";
import { useDeckPanel } from "./useDeckPanel";

export interface DeckPanelProps {
  host: DocumentHost & { deck: DeckHostAdditions };
  imageClient: ImageClient;
  services: DeckServices;
  onClose(): void;
}

/** The whole-deck flow: choose items, style and prompts; Generate all; review; Insert accepted; Resume. */
export default function DeckPanel(props: DeckPanelProps) {
  const { t } = useStrings();
  const styles = useDeckPanelStyles();
  const state = useDeckPanel(props);
  const slides = state.kind === "slide";
  return (
    <section className={styles.root} aria-labelledby="deck-heading">
      <div className={styles.headerRow}>
        <Subtitle2 as="h2" id="deck-heading">
          {t(slides ? "deck.headingSlides" : "deck.headingSections")}
        </Subtitle2>
        <Button appearance="subtle" icon={<DismissRegular />} aria-label={t("deck.close")} onClick={props.onClose} />
      </div>
      {state.message ? <PaneMessageBar message={state.message} t={t} onDismiss={state.onDismissMessage} /> : null}
      {!state.persistent ? <Caption1>{t("deck.notSaved")}</Caption1> : null}
      {state.stage === "loading" ? <Spinner size="small" label={t("deck.loading")} /> : null}
      {state.stage === "failed" ? (
        <PaneMessageBar
          message={{ intent: "error", key: "deck.loadFailed", values: { message: state.loadError ?? "" } }}
          t={t}
          onDismiss={props.onClose}
        />
      ) : null}
      {state.stage === "empty" ? <Caption1>{t("deck.empty")}</Caption1> : null}
      {state.stage === "choose" ? <DeckChooser state={state} t={t} styles={styles} /> : null}
      {state.stage === "resume" || state.stage === "run" ? <DeckReview state={state} t={t} styles={styles} /> : null}
    </section>
  );
}
