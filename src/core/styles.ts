// Old path of the style presets, kept for branches in flight: they live in src/core/protocol/styles.ts (remove once nothing imports this).
export * from "./protocol/styles";
