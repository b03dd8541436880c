// A Fluent Spinner loaded after first paint: beside the status line while a picture is made, or while a panel loads.
import { Spinner } from "@fluentui/react-components";

/**
 * A Fluent `Spinner`. Without `label` it is decorative and hidden from assistive technology (the `role="status"`
 * line beside it says what happens); with `label` it says it, e.g. "Loading the deck…".
 */
export function StatusSpinner({ label, size = "tiny" }: { label?: string; size?: "tiny" | "small" }) {
  return label ? <Spinner size={size} label={label} /> : <Spinner size={size} aria-hidden />;
}
