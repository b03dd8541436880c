// The dark and high-contrast Fluent themes, in their own chunk: only a pane in those themes downloads them.
import { teamsHighContrastTheme, webDarkTheme, type Theme } from "@fluentui/react-components";

/** Office's dark theme and high contrast (forced colours), by the pane's theme name. */
export const OTHER_THEMES: Record<"dark" | "highContrast", Theme> = { dark: webDarkTheme, highContrast: teamsHighContrastTheme };
