// A labelled native select over a fixed list of string values (Fluent Field + Select); ignores values outside the list.
import { Field, Select } from "@fluentui/react-components";

export interface ChoiceFieldProps<T extends string> {
  label: string;
  value: T;
  choices: readonly T[];
  /** Visible text of each choice. */
  labelOf(choice: T): string;
  disabled?: boolean;
  /** One line under the select (e.g. the trade of the chosen quality). */
  hint?: string;
  onChange(value: T): void;
}

/** One `Field` with a `Select`; the accessible name of the combobox is `label`. */
export function ChoiceField<T extends string>({ label, value, choices, labelOf, disabled, hint, onChange }: ChoiceFieldProps<T>) {
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })}>
      <Select
        value={value}
        disabled={disabled ?? false}
        onChange={(_, data) => {
          const next = choices.find((choice) => choice === data.value);
          if (next !== undefined) onChange(next);
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
