/**
 * The folder grid, where focus goes back after a browser dialog when its opener is
 * gone: the row the dialog acted on is the grid's active row.
 */
export const objectGrid = (): HTMLElement | null => document.querySelector<HTMLElement>('.browser [role="grid"]')
