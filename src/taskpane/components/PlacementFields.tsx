// Where Insert puts the picture: Word (after the selection or in place of the selected text, caption) or slide placement.
import { Checkbox, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import type { SlidePlacement, WordPlacement } from "../../hosts/DocumentHost";
import { SLIDE_PLACEMENTS, WORD_PLACEMENTS, type InsertPreferences } from "../insertPreferences";
import type { Translate } from "../strings/strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

export interface PlacementFieldsProps {
  t: Translate;
  document: "word" | "slide";
  prefs: InsertPreferences;
  disabled: boolean;
  onChange(change: Partial<InsertPreferences>): void;
}

/** A labelled "Placement" select (and, in Word, the caption checkbox). */
export function PlacementFields({ t, document, prefs, disabled, onChange }: PlacementFieldsProps) {
  const styles = useStyles();
  if (document === "slide") {
    return (
      <Field label={t("placement.label")}>
        <Select
          value={prefs.slidePlacement}
          disabled={disabled}
          onChange={(_, data) => {
            const value = data.value as SlidePlacement;
            if (SLIDE_PLACEMENTS.includes(value)) onChange({ slidePlacement: value });
          }}
        >
          {SLIDE_PLACEMENTS.map((placement) => (
            <option key={placement} value={placement}>
              {t(`placement.slide.${placement}`)}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  return (
    <div className={styles.root}>
      <Field label={t("placement.label")}>
        <Select
          value={prefs.wordPlacement}
          disabled={disabled}
          onChange={(_, data) => {
            const value = data.value as WordPlacement;
            if (WORD_PLACEMENTS.includes(value)) onChange({ wordPlacement: value });
          }}
        >
          {WORD_PLACEMENTS.map((placement) => (
            <option key={placement} value={placement}>
              {t(`placement.word.${placement}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label={t("placement.caption")}
        checked={prefs.caption}
        disabled={disabled}
        onChange={(_, data) => onChange({ caption: data.checked === true })}
      />
    </div>
  );
}
