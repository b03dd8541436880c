// How many library rows the panel reads first (also read ahead by History before it is opened).

/** Rows fetched at first; more are fetched as the list scrolls near the end. */
export const FIRST_PAGE = 60;
