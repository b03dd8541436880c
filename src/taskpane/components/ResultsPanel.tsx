// The latest generation's pictures: pick one, edit its alt text, and insert it (the button says what it will do).
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Textarea,
  mergeClasses,
} from "@fluentui/react-components";
import { ImageAddRegular, ImageArrowCounterclockwiseRegular } from "@fluentui/react-icons";
import { useId, type ReactNode, type RefObject } from "react";
import type { AltText } from "../../core/altText";
import type { HistoryItem } from "../history";
import { imageSrc } from "../imageSrc";
import type { Translate } from "../strings/strings";
import type { InsertMode } from "../TaskPane.types";
import { BackendLabel } from "./BackendLabel";
import { useResultsStyles } from "./useResultsStyles.styles";

export interface ResultsPanelProps {
  t: Translate;
  results: readonly HistoryItem[];
  selectedId?: string;
  /** Receives the first option's radio input, to move focus there when results arrive. */
  firstResultRef: RefObject<HTMLInputElement | null>;
  altDescription: string;
  altTitle: string;
  insertMode: InsertMode;
  /** Replace only: alt text a person wrote on the picture to replace (kept unless `overwriteAltText`). */
  personAltText?: AltText;
  /** "Replace its alt text with mine" is ticked. */
  overwriteAltText: boolean;
  onOverwriteAltTextChange(overwrite: boolean): void;
  /** Text and accessible name of the Insert button. */
  insertLabel: string;
  /** Placement fields shown above Insert (absent when replacing a picture). */
  placement?: ReactNode;
  insertAvailable: boolean;
  insertUnavailableReason?: string;
  inserting: boolean;
  onSelect(id: string): void;
  onAltDescriptionChange(text: string): void;
  onInsert(): void;
}

/**
 * Each result: the picture (alt = the prompt), a radio "Option N", which backend made it, its pixel size and
 * the model's revised prompt (as text; "The renderer drew" for the offline renderer, which is not a model). Below:
 * placement, the alt-text description and Insert, whose accessible name is its visible text: "Insert after
 * selection", "Replace selected picture" or "Insert in place of the selected text". When Replace goes over a
 * picture whose alt text a person wrote, the pane says it will be kept and offers "Replace its alt text with mine";
 * until that is ticked the description box is disabled (its text would not be used).
 */
export function ResultsPanel(props: ResultsPanelProps) {
  const { t, results, selectedId, firstResultRef, insertMode } = props;
  const styles = useResultsStyles();
  const headingId = useId();
  const reasonId = useId();
  const { insertLabel } = props;
  const altTextKept = props.personAltText !== undefined && !props.overwriteAltText;
  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <Subtitle2 as="h2" id={headingId}>
        {t("results.heading")}
      </Subtitle2>
      <RadioGroup
        aria-labelledby={headingId}
        value={selectedId ?? ""}
        onChange={(_, data) => props.onSelect(data.value)}
        className={styles.grid}
      >
        {results.map((item, index) => {
          const src = imageSrc(item.image);
          return (
            <div key={item.id} className={mergeClasses(styles.card, item.id === selectedId && styles.cardSelected)}>
              {src ? (
                <img
                  className={styles.image}
                  src={src}
                  alt={item.prompt}
                  width={item.image.size.widthPx}
                  height={item.image.size.heightPx}
                  onClick={() => props.onSelect(item.id)}
                />
              ) : null}
              <Radio value={item.id} label={t("results.option", { index: index + 1 })} {...(index === 0 ? { ref: firstResultRef } : {})} />
              <BackendLabel backend={item.image.backend} t={t} className={item.image.backend.offline ? styles.offline : styles.meta} />
              <Caption1 className={styles.meta}>
                {t("results.sizePx", { width: item.image.size.widthPx, height: item.image.size.heightPx })}
              </Caption1>
              {item.image.revisedPrompt ? (
                <Caption1 className={styles.meta}>
                  {t(item.image.backend.offline ? "results.rendererDrew" : "results.revisedPrompt", { prompt: item.image.revisedPrompt })}
                </Caption1>
              ) : null}
            </div>
          );
        })}
      </RadioGroup>
      {props.placement}
      {props.personAltText ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {t("insert.keptAltText")} {t("insert.keptAltTextValue", { text: props.personAltText.description || props.personAltText.title })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {props.personAltText ? (
        <Checkbox
          label={t("insert.overwriteAltText")}
          checked={props.overwriteAltText}
          disabled={props.inserting}
          onChange={(_, data) => props.onOverwriteAltTextChange(data.checked === true)}
        />
      ) : null}
      <Field
        label={t("insert.altDescription")}
        hint={altTextKept ? t("insert.altDescriptionKeptHint") : t("insert.altDescriptionHint", { title: props.altTitle })}
      >
        <Textarea
          value={props.altDescription}
          dir="auto"
          resize="vertical"
          disabled={altTextKept}
          onChange={(_, data) => props.onAltDescriptionChange(data.value)}
        />
      </Field>
      <Button
        className={styles.action}
        appearance="primary"
        aria-label={insertLabel}
        {...(props.insertUnavailableReason ? { "aria-describedby": reasonId } : {})}
        icon={props.inserting ? <Spinner size="tiny" /> : insertMode === "replace" ? <ImageArrowCounterclockwiseRegular /> : <ImageAddRegular />}
        disabledFocusable={!props.insertAvailable || props.inserting || !selectedId}
        onClick={props.onInsert}
      >
        {insertLabel}
      </Button>
      {!props.insertAvailable && props.insertUnavailableReason ? (
        <Caption1 id={reasonId} className={styles.meta}>
          {props.insertUnavailableReason}
        </Caption1>
      ) : null}
    </section>
  );
}
