import type { Page } from 'playwright-core';
export declare function deckHtml(options: { frames: string[]; transition?: 'slide' | 'fade' | 'none'; lazy?: boolean }): string;
export declare function routeDeck(page: Page, html: string, name?: string): Promise<string>;
export declare function routePages(page: Page, pages: Record<string, string | { type: string; body: string | Buffer }>): Promise<void>;
