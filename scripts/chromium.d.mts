/** Types for chromium.mjs, which plain-JS configs import too. */
export declare const CHROMIUM_ARGS: readonly string[];
export declare function chromiumPath(): string;
export declare function ensureChromium(): string;
