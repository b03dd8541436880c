// The style picker: a Fluent Dropdown of the presets in their groups, each option with its preview swatch and a one-line description.
import { Dropdown, Field, makeStyles, Option, OptionGroup, tokens, useId } from "@fluentui/react-components";
import { isStylePreset, presetsInGroup, STYLE_GROUPS, type StylePreset } from "../../core/protocol/styles";
import type { Translate } from "../strings/strings";
import { SWATCH_CSS_PX, swatchUrl } from "../styleSwatches";

const useStyles = makeStyles({
  field: { minWidth: "220px" },
  control: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  listbox: { maxHeight: "60vh", overflowY: "auto" },
  option: { alignItems: "center", columnGap: tokens.spacingHorizontalS },
  // The border keeps the swatch's outline visible in high contrast (forced colours repaint borders, not images).
  swatch: {
    flexShrink: 0,
    width: `${SWATCH_CSS_PX.width}px`,
    height: `${SWATCH_CSS_PX.height}px`,
    objectFit: "cover",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0 },
  description: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface StylePickerProps {
  t: Translate;
  value: StylePreset;
  disabled: boolean;
  onChange(style: StylePreset): void;
}

/** One preset as an option: swatch (decorative: the option is named by its text), name, description. */
function PresetOption({ t, preset }: { t: Translate; preset: StylePreset }) {
  const styles = useStyles();
  const nameId = useId("style-name");
  const descriptionId = useId("style-description");
  const name = t(`style.${preset}`);
  return (
    <Option value={preset} text={name} className={styles.option} aria-labelledby={nameId} aria-describedby={descriptionId}>
      <img className={styles.swatch} src={swatchUrl(preset)} alt="" width={SWATCH_CSS_PX.width} height={SWATCH_CSS_PX.height} loading="lazy" />
      <span className={styles.text}>
        <span id={nameId}>{name}</span>
        <span id={descriptionId} className={styles.description}>
          {t(`styleDescription.${preset}`)}
        </span>
      </span>
    </Option>
  );
}

/**
 * A labelled Dropdown (`combobox` named by the "Style" label): "None" first, then one `OptionGroup` per
 * {@link STYLE_GROUPS} entry. Keyboard: Enter/Space/Alt+↓ opens, arrows move, Enter picks, Escape closes.
 * The selected preset's swatch sits beside the control.
 */
export function StylePicker({ t, value, disabled, onChange }: StylePickerProps) {
  const styles = useStyles();
  return (
    <Field label={t("options.style")} className={styles.field}>
      <div className={styles.control}>
        <img className={styles.swatch} src={swatchUrl(value)} alt="" width={SWATCH_CSS_PX.width} height={SWATCH_CSS_PX.height} />
        <Dropdown
          value={t(`style.${value}`)}
          selectedOptions={[value]}
          disabled={disabled}
          listbox={{ className: styles.listbox }}
          onOptionSelect={(_, data) => {
            if (isStylePreset(data.optionValue)) onChange(data.optionValue);
          }}
        >
          <PresetOption t={t} preset="none" />
          {STYLE_GROUPS.map((group) => (
            <OptionGroup key={group} label={t(`styleGroup.${group}`)}>
              {presetsInGroup(group).map((preset) => (
                <PresetOption key={preset} t={t} preset={preset} />
              ))}
            </OptionGroup>
          ))}
        </Dropdown>
      </div>
    </Field>
  );
}
