// The generation options: style preset, aspect ratio (Square / Landscape / Portrait) and number of pictures.
import { Field, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { ASPECT_RATIOS, PICTURE_COUNTS } from "../generationOptions";
import type { Translate } from "../strings/strings";
import type { GenerationOptions } from "../TaskPane.types";
import { ChoiceField } from "./ChoiceField";
import { StylePicker } from "./StylePicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

export interface OptionsFieldsProps {
  t: Translate;
  options: GenerationOptions;
  /** The aspect ratio was set from the selected picture (a hint says so). */
  aspectFromPicture: boolean;
  disabled: boolean;
  onChange(change: Partial<GenerationOptions>): void;
}

/** Labelled fields; every label comes from the strings. */
export function OptionsFields({ t, options, aspectFromPicture, disabled, onChange }: OptionsFieldsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={t("options.aspect")} {...(aspectFromPicture ? { hint: t("aspect.fromPicture") } : {})}>
        <RadioGroup
          layout="horizontal"
          value={options.aspect}
          disabled={disabled}
          onChange={(_, data) => {
            const aspect = ASPECT_RATIOS.find((a) => a === data.value);
            if (aspect) onChange({ aspect });
          }}
        >
          {ASPECT_RATIOS.map((aspect) => (
            <Radio key={aspect} value={aspect} label={t(`aspect.${aspect}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <StylePicker t={t} value={options.style} disabled={disabled} onChange={(style) => onChange({ style })} />
        <ChoiceField
          label={t("options.count")}
          value={String(options.count)}
          choices={PICTURE_COUNTS.map(String)}
          labelOf={(count) => t("options.countValue", { count: Number(count) })}
          disabled={disabled}
          onChange={(count) => onChange({ count: Number(count) })}
        />
      </div>
    </div>
  );
}
