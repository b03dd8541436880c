// Every user-visible string of the workbench shell and stand-ins, in one place (English; a developer tool).

export const strings = {
  pageTitle: "Illustrate workbench",
  subtitle: "The real task pane beside stand-ins for a Word page and a PowerPoint slide. Nothing here is Office.",
  documentSwitchLabel: "Document",
  wordTab: "Word page",
  slideTab: "Slide",
  wordPageLabel: "Word page (Letter, 1 inch margins)",
  slideLabel: (number: number, total: number) => `Slide ${number} of ${total} (16:9, 960 × 540 points)`,
  slideListLabel: "Slides",
  slideButtonLabel: (number: number, title: string) => (title ? `Slide ${number}: ${title}` : `Slide ${number}`),
  paneLabel: "Illustrate task pane",
  emptyTextBox: "Click to add text",
  pictureShapeLabel: (name: string, description: string) => (description ? `${name}: ${description}` : name),
  textBoxShapeLabel: (name: string) => `${name} (text box)`,
  insideOffice: "Office is present: this page is a stand-in. Open the add-in from the ribbon to work in the real document.",
  paneFailed: "The task pane could not start:",
} as const;
