// Before Generate all: every slide/section with its tick (and why unticked), the deck style, and each ticked prompt.
import { Button, Caption1, Checkbox, Field, Input, Textarea } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, SparkleRegular } from "@fluentui/react-icons";
import { isHexColour, MAX_ITEMS_PER_RUN, MAX_PALETTE_COLOURS, type DeckItem } from "../../core/deck";
import { STYLE_PRESETS } from "../../core/protocol/styles";
import { ChoiceField } from "../components/ChoiceField";
import { PaneMessageBar } from "../components/PaneMessageBar";
import type { Translate } from "../strings/strings";
import type { useDeckPanelStyles } from "./DeckPanel.styles";
import type { DeckPanelState } from "./useDeckPanel";

interface ViewProps {
  state: DeckPanelState;
  t: Translate;
  styles: ReturnType<typeof useDeckPanelStyles>;
}

/** "Slide 3: Revenue" / "Section 2: Methods" (the item's number is its 1-based position). */
export function itemLabel(t: Translate, item: Pick<DeckItem, "index" | "kind" | "title">): string {
  return t(item.kind === "slide" ? "deck.slideLabel" : "deck.sectionLabel", { number: item.index + 1, title: item.title || t("deck.untitled") });
}

/** The choose stage. */
export function DeckChooser({ state, t, styles }: ViewProps) {
  const { selection } = state;
  return (
    <>
      {selection.capped ? <Caption1 role="note">{t("deck.capped", { ...selection.capped })}</Caption1> : null}
      <Caption1>{t("deck.tickedCount", { count: state.ticked.size })}</Caption1>
      <ul className={styles.list} aria-label={t("deck.itemsHeading")}>
        {state.items.map((item) => {
          const label = itemLabel(t, item);
          const on = state.ticked.has(item.id);
          const reason = selection.reasons[item.id];
          const thumb = state.thumbnails[item.id];
          return (
            <li key={item.id} className={styles.item} data-item-id={item.id}>
              <div className={styles.itemHead}>
                {thumb ? <img className={styles.thumb} src={thumb} alt={t("deck.thumbAlt", { number: item.index + 1 })} /> : null}
                <Checkbox checked={on} label={<span dir="auto">{label}</span>} onChange={(_, data) => state.onToggle(item.id, data.checked === true)} />
              </div>
              {!on && reason ? (
                <Caption1 className={styles.reason}>{t(reason, { limit: MAX_ITEMS_PER_RUN })}</Caption1>
              ) : null}
              {on ? (
                <Field
                  label={t("deck.promptLabel", { label })}
                  {...(state.prompts[item.id] === "" ? { validationState: "warning" as const, validationMessage: t("deck.promptEmpty") } : {})}
                >
                  <Textarea
                    dir="auto"
                    resize="vertical"
                    rows={3}
                    value={state.prompts[item.id] ?? ""}
                    onChange={(_, data) => state.onPromptChange(item.id, data.value)}
                  />
                </Field>
              ) : null}
            </li>
          );
        })}
      </ul>
      {state.writerNotice ? <Caption1>{t(state.writerNotice, { context: state.kind })}</Caption1> : null}
      <DeckStyleFields state={state} t={t} styles={styles} />
      {state.validation.map((message) => (
        <PaneMessageBar key={`${message.key}-${JSON.stringify(message.values)}`} message={message} t={t} onDismiss={() => undefined} />
      ))}
      <div className={styles.row}>
        <Button appearance="primary" icon={<SparkleRegular />} onClick={state.onGenerateAll}>
          {t("deck.generateAll")}
        </Button>
      </div>
    </>
  );
}

/** Preset, palette (colour pickers + hex fields, up to 4, or none) and style words. */
function DeckStyleFields({ state, t, styles }: ViewProps) {
  const { style } = state;
  const setColour = (index: number, value: string) => state.onStyleChange({ palette: style.palette.map((c, i) => (i === index ? value : c)) });
  return (
    <fieldset className={styles.item}>
      <legend>{t("deck.styleHeading")}</legend>
      <ChoiceField
        label={t("deck.stylePreset")}
        value={style.preset}
        choices={STYLE_PRESETS}
        labelOf={(preset) => t(`style.${preset}`)}
        onChange={(preset) => state.onStyleChange({ preset })}
      />
      <Field label={t("deck.palette")} hint={style.paletteFromDeck ? t("deck.paletteFromDeck") : t("deck.paletteHint")}>
        <div className={styles.palette}>
          {style.palette.length === 0 ? <Caption1>{t("deck.paletteNone")}</Caption1> : null}
          {style.palette.map((colour, index) => (
            <div key={index} className={styles.colour}>
              <input
                type="color"
                className={styles.colourInput}
                aria-label={t("deck.colour", { index: index + 1 })}
                value={isHexColour(colour) ? colour.toLowerCase() : "#000000"}
                onChange={(event) => setColour(index, event.target.value.toUpperCase())}
              />
              <Input
                className={styles.hexInput}
                aria-label={t("deck.colourHex", { index: index + 1 })}
                value={colour}
                onChange={(_, data) => setColour(index, data.value.trim())}
              />
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t("deck.removeColour", { index: index + 1 })}
                onClick={() => state.onStyleChange({ palette: style.palette.filter((_, i) => i !== index), paletteFromDeck: false })}
              />
            </div>
          ))}
          {style.palette.length < MAX_PALETTE_COLOURS ? (
            <Button icon={<AddRegular />} onClick={() => state.onStyleChange({ palette: [...style.palette, "#1F4E79"] })}>
              {t("deck.addColour")}
            </Button>
          ) : null}
        </div>
      </Field>
      <Field label={t("deck.styleWords")} hint={t("deck.styleWordsHint")}>
        <Input dir="auto" value={style.styleWords} onChange={(_, data) => state.onStyleChange({ styleWords: data.value })} />
      </Field>
    </fieldset>
  );
}
