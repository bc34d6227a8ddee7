export declare const CHROMIUM_ARGS: string[];
export declare function findBrowser(): { executablePath: string | undefined; source: string } | null;
