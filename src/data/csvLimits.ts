// Limits of uploaded data, apart from the parser so the page can check a file's size without
// loading Papa Parse.
export const CSV_LIMITS = { rows: 20_000, features: 784, minClasses: 2, maxClasses: 12, bytes: 64 * 1024 * 1024 } as const;
