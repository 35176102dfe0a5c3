import { createContext } from "react";

import type { LiveConnection } from "./live-connection";

/**
 * The signed-in organization's live connection; null outside the signed-in
 * app and for the moment before it opens.
 */
export const LiveContext = createContext<LiveConnection | null>(null);
