// The options a gateway's models drive: model picker (only with several), shape (Fit + ratios), quality, transparency.
import { Checkbox, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import type { FitBox } from "../../core/placement";
import { AUTO_MODEL, type ModelList } from "../../core/protocol/models";
import {
  effectiveShape,
  formatRatio,
  qualityLevels,
  shapeNotice,
  SHAPE_IDS,
  showsModelPicker,
  transparentAvailability,
  type QualityId,
} from "../modelRequest";
import type { Translate } from "../strings/strings";
import { ChoiceField } from "./ChoiceField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** The model-driven choices the person made; persisted with the other options by the caller. */
import type { ModelOptions } from "../modelDefaults";

export type { ModelOptions };

/** The string key of each Fit hint, by where the box comes from. */
const FIT_HINT: Record<FitBox["source"], string> = {
  picture: "picture",
  placeholder: "placeholder",
  "free-area": "freeArea",
  slide: "slide",
  "text-column": "textColumn",
};

export interface ModelOptionsFieldsProps {
  t: Translate;
  /** `GET /v1/models` (or the fallback list of an older gateway). */
  models: ModelList;
  value: ModelOptions;
  /**
   * The box Fit shapes the picture for, in points: the selected picture (Replace), else where the host would put
   * it (`DocumentHost.fitBox`). Absent: Fit is not offered and the shape is 1:1 until the person picks one.
   */
  fitBox?: FitBox;
  disabled: boolean;
  onChange(change: Partial<ModelOptions>): void;
}

/**
 * Labelled fields from the served models: a model select (Auto first) only when there is more than one model;
 * the shape (Fit with a hint naming its box, when there is one; then 1:1 … 3:4) and a warning when the box is
 * wider or taller than the model can make (the ratio it will be instead);
 * quality (low / medium / high) with a one-line hint of the trade, when the chosen model has levels; a
 * transparent-background checkbox (PNG) where the model can, else a note saying why it is not offered.
 * Model ids are shown as the gateway names them (text, never HTML). The default export is for `React.lazy`.
 */
export function ModelOptionsFields({ t, models, value, fitBox, disabled, onChange }: ModelOptionsFieldsProps) {
  const styles = useStyles();
  const shape = effectiveShape(value.shape, fitBox?.sizePt);
  const shapes = fitBox ? SHAPE_IDS : SHAPE_IDS.filter((id) => id !== "fit");
  const notice = shapeNotice(models, value.model, shape, fitBox?.sizePt);
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
      <ChoiceField
        label={t("shape.label")}
        value={shape}
        choices={shapes}
        labelOf={(id) => (id === "fit" ? t("shape.fit") : id)}
        {...(shape === "fit" && fitBox
          ? { hint: t(`shape.fitHint.${FIT_HINT[fitBox.source]}`, { ratio: formatRatio(fitBox.sizePt.widthPt / fitBox.sizePt.heightPt) }) }
          : {})}
        disabled={disabled}
        onChange={(next) => onChange({ shape: next })}
      />
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("shape.clamped", { box: formatRatio(notice.requestedRatio), ratio: formatRatio(notice.ratio) })}</MessageBarBody>
        </MessageBar>
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
