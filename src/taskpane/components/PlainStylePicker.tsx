// The style choice as a native select, shown at first paint until the swatch picker (StylePicker) has loaded.
import { STYLE_PRESETS } from "../../core/protocol/styles";
import { ChoiceField } from "./ChoiceField";
import type { StylePickerProps } from "./StylePicker";

/** Same label, value and change as {@link StylePicker}, without swatches or groups (no popup code to load). */
export function PlainStylePicker({ t, value, disabled, onChange }: StylePickerProps) {
  return (
    <ChoiceField
      label={t("options.style")}
      value={value}
      choices={STYLE_PRESETS}
      labelOf={(preset) => t(`style.${preset}`)}
      disabled={disabled}
      onChange={onChange}
    />
  );
}
