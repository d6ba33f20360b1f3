/** When a kept run started, in the person's locale. */
export const runTime = (ms: number) => new Date(ms).toLocaleString();

export const formatMs = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
