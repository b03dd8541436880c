// The generation options: style preset, aspect ratio (Square / Landscape / Portrait) and number of pictures.
import { Field, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { STYLE_PRESETS, isStylePreset } from "../../core/styles";
import type { AspectRatio } from "../../core/types";
import { ASPECT_RATIOS, PICTURE_COUNTS } from "../generationOptions";
import type { Translate } from "../strings/strings";
import type { GenerationOptions } from "../TaskPane.types";


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
          onChange={(_, data) => onChange({ aspect: data.value as AspectRatio })}
        >
          {ASPECT_RATIOS.map((aspect) => (
            <Radio key={aspect} value={aspect} label={t(`aspect.${aspect}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={t("options.style")}>
          <Select
            value={options.style}
            disabled={disabled}
            onChange={(_, data) => {
              if (isStylePreset(data.value)) onChange({ style: data.value });
            }}
          >
            {STYLE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(`style.${preset}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("options.count")}>
          <Select value={String(options.count)} disabled={disabled} onChange={(_, data) => onChange({ count: Number(data.value) })}>
            {PICTURE_COUNTS.map((count) => (
              <option key={count} value={count}>
                {t("options.countValue", { count })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </div>
  );
}
