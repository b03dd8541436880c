// Model capabilities, size rules, the size to ask for and the Auto choice: one home for the pane and the gateway.
export * from "./capabilities";
export * from "./families";
export * from "./sizeRule";
export * from "./aspectRatios";
export * from "./askedSize";
export * from "./chooseModel";
export * from "./parseModelList";
