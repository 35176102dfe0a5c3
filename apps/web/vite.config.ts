import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Port of the API that `npm run dev` forwards `/api` requests and the live
 * connection (`/socket.io`, a WebSocket) to.
 */
const apiPort = process.env.API_PORT ?? "3000";

/**
 * Libraries change less often than the app, so they get chunks of their own
 * that browsers can keep cached across releases. Libraries only lazy pages
 * use (drag and drop on the board, Markdown in the task panel) are split by
 * the pages that load them, so the first page does not download them.
 */
const vendorChunks = [
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: "mantine", test: /node_modules[\\/]@mantine[\\/]/ },
  {
    name: "vendor",
    test: /node_modules[\\/]/,
    entriesAware: true,
    entriesAwareMergeThreshold: 20_000,
  },
];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorChunks } },
    },
  },
  server: {
    proxy: {
      "/api": `http://localhost:${apiPort}`,
      "/socket.io": { target: `http://localhost:${apiPort}`, ws: true },
    },
  },
});
