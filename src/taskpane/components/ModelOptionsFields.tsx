// The options a gateway's models drive: model picker (only with several), quality with its trade, transparent background.
import { Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { AUTO_MODEL, type ModelList } from "../../core/protocol/models";
import { qualityLevels, showsModelPicker, transparentAvailability, type QualityId } from "../modelRequest";
import type { Translate } from "../strings/strings";
import { ChoiceField } from "./ChoiceField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** The model-driven choices the person made; persisted with the other options by the caller. */
export interface ModelOptions {
  /** A model id from the list, or `auto`. */
  model: string;
  quality: QualityId;
  transparent: boolean;
}

export interface ModelOptionsFieldsProps {
  t: Translate;
  /** `GET /v1/models` (or the fallback list of an older gateway). */
  models: ModelList;
  value: ModelOptions;
  disabled: boolean;
  onChange(change: Partial<ModelOptions>): void;
}

/**
 * Labelled fields from the served models: a model select (Auto first) only when there is more than one model;
 * quality (low / medium / high) with a one-line hint of the trade, when the chosen model has levels; a
 * transparent-background checkbox (PNG) where the model can, else a note saying why it is not offered.
 * Model ids are shown as the gateway names them (text, never HTML). The default export is for `React.lazy`.
 */
export function ModelOptionsFields({ t, models, value, disabled, onChange }: ModelOptionsFieldsProps) {
  const styles = useStyles();
  const ids = [AUTO_MODEL, ...models.data.map((m) => m.id)];
  const levels = qualityLevels(models, value.model);
  const transparent = transparentAvailability(models, value.model);
  return (
    <div className={styles.root}>
      {showsModelPicker(models) && (
        <ChoiceField
          label={t("options.model")}
          value={ids.includes(value.model) ? value.model : AUTO_MODEL}
          choices={ids}
          labelOf={(id) => (id === AUTO_MODEL ? t("model.auto") : id)}
          disabled={disabled}
          onChange={(model) => onChange({ model })}
        />
      )}
      {levels.length > 0 && (
        <ChoiceField
          label={t("options.quality")}
          value={levels.includes(value.quality) ? value.quality : levels.includes("medium") ? "medium" : (levels[0] as QualityId)}
          choices={levels}
          labelOf={(level) => t(`quality.${level}`)}
          hint={t(`quality.hint.${levels.includes(value.quality) ? value.quality : "medium"}`)}
          disabled={disabled}
          onChange={(quality) => onChange({ quality })}
        />
      )}
      {transparent.available ? (
        <Checkbox
          label={t("options.transparent")}
          checked={value.transparent}
          disabled={disabled}
          onChange={(_, data) => onChange({ transparent: data.checked === true })}
        />
      ) : (
        <Text size={200}>{t(`transparent.unavailable.${transparent.reason}`)}</Text>
      )}
    </div>
  );
}

export default ModelOptionsFields;
