// Where Insert puts the picture: Word (after the selection or in place of the selected text, caption) or slide placement.
import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { SLIDE_PLACEMENTS, WORD_PLACEMENTS, type InsertPreferences } from "../insertPreferences";
import type { Translate } from "../strings/strings";
import { ChoiceField } from "./ChoiceField";

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
      <ChoiceField
        label={t("placement.label")}
        value={prefs.slidePlacement}
        choices={SLIDE_PLACEMENTS}
        labelOf={(placement) => t(`placement.slide.${placement}`)}
        disabled={disabled}
        onChange={(slidePlacement) => onChange({ slidePlacement })}
      />
    );
  }
  return (
    <div className={styles.root}>
      <ChoiceField
        label={t("placement.label")}
        value={prefs.wordPlacement}
        choices={WORD_PLACEMENTS}
        labelOf={(placement) => t(`placement.word.${placement}`)}
        disabled={disabled}
        onChange={(wordPlacement) => onChange({ wordPlacement })}
      />
      <Checkbox
        label={t("placement.caption")}
        checked={prefs.caption}
        disabled={disabled}
        onChange={(_, data) => onChange({ caption: data.checked === true })}
      />
    </div>
  );
}
